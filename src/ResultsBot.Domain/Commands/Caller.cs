namespace ResultsBot.Domain.Commands;

/// <summary>
/// Who asked: a platform's user id ("console" at the terminal), whether configuration makes them an admin
/// (<c>Admins</c>, <c>Slack:Admins</c>), and whether the platform lets them manage the channel they typed in.
/// </summary>
/// <param name="IsAdmin">A configured admin: may run commands whose effect reaches every channel (/share set).</param>
/// <param name="ManagesChannel">
/// The platform says they may manage this channel (Discord: Manage Channels or Administrator). Anyone can
/// have that in a server of their own, so it only ever covers settings of that one channel.
/// </param>
public sealed record Caller(string Id, bool IsAdmin, bool ManagesChannel = false)
{
    public static Caller Anonymous { get; } = new("anonymous", false);

    /// <summary>May change what is posted in the channel the command was typed in (/subscribe, /unsubscribe).</summary>
    public bool CanManageChannel => IsAdmin || ManagesChannel;
}
