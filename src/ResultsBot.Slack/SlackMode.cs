namespace ResultsBot.Slack;

/// <summary>How slash commands reach the bot: over Socket Mode (no public URL needed) or as signed POSTs to its web server.</summary>
public enum SlackMode
{
    SocketMode,
    Http,
}
