using ResultsBot.Domain.Commands;

namespace ResultsBot.Platforms;

/// <summary>A command typed on a platform: the text as the engine reads it ("/council Birmingham"), who, and where.</summary>
/// <param name="Caller">Who asked; IsAdmin is true for configured admins only; ManagesChannel for, on Discord, members who may manage the channel.</param>
public sealed record CommandRequest(string Text, Caller Caller, ChannelAddress Channel)
{
    /// <summary>Whether the channel is one whose posts other servers can follow (a Discord announcement channel); null when the platform did not say.</summary>
    public bool? AnnouncementChannel { get; init; }
}
