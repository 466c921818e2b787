namespace ResultsBot.Discord.Interactions;

/// <summary>Cuts a long answer into messages Discord accepts (content ≤ 2000), at line breaks where it can.</summary>
internal static class MessageSplitter
{
    public const int MaxContent = 2000;

    public static IReadOnlyList<string> Split(string text, int limit = MaxContent)
    {
        var parts = new List<string>();
        var rest = text.TrimEnd();
        while (rest.Length > limit)
        {
            var cut = rest.LastIndexOf('\n', limit - 1);
            if (cut < limit / 2)
            {
                var space = rest.LastIndexOf(' ', limit - 1);
                cut = space >= limit / 2 ? space : limit;
            }

            // Never split a surrogate pair (an emoji) across two messages.
            if (cut > 0 && cut < rest.Length && char.IsLowSurrogate(rest[cut]))
            {
                cut--;
            }

            cut = Posts.DiscordMarkdown.KeepEscapeWhole(rest, cut);
            parts.Add(rest[..cut].TrimEnd());
            rest = Posts.DiscordMarkdown.EscapeStartOfPiece(rest[cut..].TrimStart('\n', ' '));
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }
}
