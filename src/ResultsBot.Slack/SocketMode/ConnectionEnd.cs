namespace ResultsBot.Slack.SocketMode;

/// <summary>
/// Why a connection stopped being the one to use: Slack asked for a new one (<see cref="DisconnectNotice"/>
/// true, reason warning, refresh_requested or link_disabled; the socket still delivers until closed), or it
/// closed or died (reason says how).
/// </summary>
internal sealed record ConnectionEnd(bool DisconnectNotice, string Reason)
{
    public const string LinkDisabled = "link_disabled";

    public static ConnectionEnd Notice(string reason) => new(true, reason);

    public static ConnectionEnd Lost(string reason) => new(false, reason);
}
