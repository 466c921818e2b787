namespace ResultsBot.Slack.SocketMode;

/// <summary>Slack will not let this app connect (bad or revoked app token, Socket Mode turned off): retrying cannot help.</summary>
internal sealed class SocketModeRefusedException(string reason) : Exception(reason);
