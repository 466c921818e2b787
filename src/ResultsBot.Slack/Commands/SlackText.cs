namespace ResultsBot.Slack.Commands;

/// <summary>Slack's three control characters, escaped so no answer can mention anyone, link or name a channel.</summary>
internal static class SlackText
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
