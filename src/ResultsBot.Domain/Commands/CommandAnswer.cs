using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// An answer to a command. <see cref="Ok"/> is false when the user asked for something the bot cannot give.
/// <see cref="Publish"/> is a message the command makes (an admin's /share set), for the host to accept like any feed message.
/// </summary>
public sealed record CommandAnswer(string Text, bool Ok = true, FeedMessage? Publish = null)
{
    /// <summary>A picture to go with the answer (/map, /chamber, /chart), drawn by the host.</summary>
    public PictureRequest? Picture { get; init; }

    public static CommandAnswer Problem(string text) => new(text, false);
}
