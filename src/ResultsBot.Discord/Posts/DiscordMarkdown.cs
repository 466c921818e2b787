using System.Text;

namespace ResultsBot.Discord.Posts;

/// <summary>
/// Feed and user text made inert for Discord's markdown: every character that can start a link, a mention,
/// a timestamp, an emoji or formatting is backslash-escaped (Discord shows the character and drops the
/// backslash), line-start markers (headings, lists, quotes) are escaped, "://" is broken so no bare URL is
/// linked, and bidi and other invisible control characters, which can make text read differently from what
/// it is, are removed. Our own text has no markdown, so everything a post or answer holds goes through this.
/// </summary>
public static class DiscordMarkdown
{
    // Characters that open formatting anywhere on a line: bold/italic, underline, strike, code, spoilers,
    // masked links, mentions/channels/timestamps/emoji (<…>), and the backslash itself.
    private const string Inline = "\\*_~`|[]<>";

    // Markers that only mean something at the start of a line: headings and "-#" subtext, lists, quotes.
    private const string LineStart = "#-+>*";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisibleControl(c))
            {
                continue;
            }

            if (atLineStart && c is not (' ' or '\t') && (LineStart.Contains(c, StringComparison.Ordinal) || OrderedListMarkerAt(text, i)))
            {
                if (char.IsAsciiDigit(c))
                {
                    // "1. Labour" would become a numbered list: escape its dot, keep the digits.
                    var dot = text.IndexOf('.', i);
                    builder.Append(text, i, dot - i).Append("\\.");
                    i = dot;
                    atLineStart = false;
                    continue;
                }

                builder.Append('\\');
            }
            else if (Inline.Contains(c, StringComparison.Ordinal) || (c == ':' && text.AsSpan(i).StartsWith("://", StringComparison.Ordinal)))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            atLineStart = c == '\n' || (atLineStart && c is ' ' or '\t');
        }

        return builder.ToString();
    }

    /// <summary>Removes only the invisible controls: for text Discord shows as it is (embed footers), where a backslash would show.</summary>
    public static string StripControls(string text) =>
        text.Any(IsInvisibleControl) ? string.Concat(text.Where(c => !IsInvisibleControl(c))) : text;

    /// <summary>Bidi marks, embeddings, overrides and isolates, and control characters other than line breaks and tabs.</summary>
    public static bool IsInvisibleControl(char c) => c switch
    {
        '\n' or '\t' => false,
        '\u061C' or '\u200E' or '\u200F' => true, // Arabic letter mark, LTR and RTL marks
        >= '\u202A' and <= '\u202E' => true, // embeddings and overrides
        >= '\u2066' and <= '\u2069' => true, // isolates
        _ => char.IsControl(c),
    };

    /// <summary>
    /// Escaped text that now starts a message or field after a cut mid-line: what was plain text mid-line
    /// ("… won # 3", "… seats. 12. Labour") would be a heading or a list at the start, so that marker is escaped too.
    /// </summary>
    public static string EscapeStartOfPiece(string escaped)
    {
        var start = 0;
        while (start < escaped.Length && escaped[start] is ' ' or '\t')
        {
            start++;
        }

        if (start == escaped.Length)
        {
            return escaped;
        }

        if (LineStart.Contains(escaped[start], StringComparison.Ordinal))
        {
            return escaped.Insert(start, "\\");
        }

        if (OrderedListMarkerAt(escaped, start))
        {
            var dot = escaped.IndexOf('.', start);
            return escaped.Insert(dot, "\\");
        }

        return escaped;
    }

    /// <summary>
    /// Where to cut escaped text at or before <paramref name="cut"/> so no escape is split from its character
    /// (the first part would end in a backslash that shows, the second start with live markdown).
    /// </summary>
    public static int KeepEscapeWhole(string text, int cut)
    {
        var backslashes = 0;
        while (cut - 1 - backslashes >= 0 && text[cut - 1 - backslashes] == '\\')
        {
            backslashes++;
        }

        return backslashes % 2 == 1 ? cut - 1 : cut;
    }

    private static bool OrderedListMarkerAt(string text, int i)
    {
        var j = i;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        return j > i && j < text.Length && text[j] == '.';
    }
}
