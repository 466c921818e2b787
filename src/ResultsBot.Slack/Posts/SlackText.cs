namespace ResultsBot.Slack.Posts;

/// <summary>Text as Slack must get it: control characters escaped, pieces cut to fit without breaking an escape or a character.</summary>
public static class SlackText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Escapes &amp;, &lt; and &gt; (the only three Slack asks for), so feed text can never become a
    /// mention, a link, @here or &lt;!channel&gt;.
    /// </summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Cuts escaped text to at most <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string escaped, int max)
    {
        if (escaped.Length <= max)
        {
            return escaped;
        }

        return escaped[..SafeCut(escaped, max - Ellipsis.Length)].TrimEnd() + Ellipsis;
    }

    /// <summary>Splits escaped text into pieces of at most <paramref name="max"/>, at line breaks or spaces where it can.</summary>
    public static IReadOnlyList<string> Split(string escaped, int max)
    {
        var pieces = new List<string>();
        var rest = escaped;
        while (rest.Length > max)
        {
            var cut = SafeCut(rest, max);
            var newline = rest.LastIndexOf('\n', cut - 1, cut);
            var space = rest.LastIndexOf(' ', cut - 1, cut);
            var skip = 0;
            if (newline > max / 2)
            {
                (cut, skip) = (newline, 1);
            }
            else if (space > max / 2)
            {
                (cut, skip) = (space, 1);
            }

            // Only the break itself is dropped: leading spaces of the next line may be a table's alignment.
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
            {
                pieces.Add(piece);
            }

            rest = rest[(cut + skip)..];
        }

        var last = rest.TrimEnd();
        if (last.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(last);
        }

        return pieces;
    }

    /// <summary>The longest prefix length ≤ max that ends neither inside "&amp;amp;"-style escapes nor inside a surrogate pair.</summary>
    private static int SafeCut(string text, int max)
    {
        var cut = Math.Min(max, text.Length);
        var amp = text.LastIndexOf('&', Math.Max(0, cut - 1), Math.Min(cut, 5));
        if (amp >= 0)
        {
            var semicolon = text.IndexOf(';', amp);
            if (semicolon >= cut)
            {
                cut = amp;
            }
        }

        if (cut > 0 && cut < text.Length && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return Math.Max(cut, 1);
    }
}
