namespace ResultsBot.Discord.Posts;

/// <summary>Cutting text to Discord's limits without splitting a surrogate pair, at line or word ends where there are any.</summary>
internal static class TextCuts
{
    public const string Ellipsis = "…";

    /// <summary>Pieces of at most <paramref name="max"/> characters, broken at the last newline, else the last space, in each piece.</summary>
    public static IReadOnlyList<string> Chunks(string text, int max)
    {
        var chunks = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = BreakBefore(rest, max);
            chunks.Add(rest[..cut].TrimEnd());
            rest = DiscordMarkdown.EscapeStartOfPiece(rest[cut..].TrimStart('\n', ' '));
        }

        if (rest.Length > 0 || chunks.Count == 0)
        {
            chunks.Add(rest);
        }

        return chunks;
    }

    /// <summary>The text if it fits, else as much as fits with <paramref name="marker"/> (an ellipsis and maybe a note) at the end.</summary>
    public static string Trim(string text, int max, string marker = Ellipsis)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var room = max - marker.Length;
        if (room <= 0)
        {
            return SafeCut(text, max);
        }

        var cut = BreakBefore(text, room, preferBreaksAfter: room * 3 / 4);
        return text[..cut].TrimEnd() + marker;
    }

    /// <summary>Where to cut so the first part is at most <paramref name="max"/>: a newline, else a space, else a safe hard cut.</summary>
    private static int BreakBefore(string text, int max, int preferBreaksAfter = 1)
    {
        var window = text[..max];
        foreach (var separator in new[] { '\n', ' ' })
        {
            var at = window.LastIndexOf(separator);
            if (at >= preferBreaksAfter)
            {
                return at;
            }
        }

        return SafeCut(text, max).Length;
    }

    private static string SafeCut(string text, int max)
    {
        var cut = max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..DiscordMarkdown.KeepEscapeWhole(text, cut)];
    }
}
