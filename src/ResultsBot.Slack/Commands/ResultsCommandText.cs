namespace ResultsBot.Slack.Commands;

/// <summary>
/// Reads the text after <c>/results</c>: the engine command is its first word ("council Birmingham" →
/// "/council Birmingham"), nothing means help, and a leading "post" answers in the channel for everyone.
/// </summary>
internal static class ResultsCommandText
{
    public static (string EngineText, bool InChannel) Parse(string text)
    {
        var rest = text.Trim();
        var inChannel = false;
        if (FirstWord(rest).Equals("post", StringComparison.OrdinalIgnoreCase))
        {
            inChannel = true;
            rest = rest[4..].Trim();
        }

        // "/results /council Hull" is forgiven: the engine wants exactly one slash.
        rest = rest.TrimStart('/').Trim();
        return (rest.Length == 0 ? "/help" : "/" + rest, inChannel);
    }

    private static string FirstWord(string text)
    {
        var end = text.IndexOfAny([' ', '\t', '\n']);
        return end < 0 ? text : text[..end];
    }
}
