namespace ResultsBot.Fakes.Discord;

/// <summary>
/// Reads text as Discord's markdown would and lists what in it is live: formatting, links, mentions,
/// timestamps, emoji, line-start markers or invisible controls. A backslash before ASCII punctuation
/// makes that character literal, as Discord does.
/// </summary>
public static class DiscordMarkdownProbe
{
    private const string Inline = "*_~`|[]<>";

    /// <summary>Everything live in one text that Discord renders as markdown (an embed's title, description or field; a message's content).</summary>
    public static IReadOnlyList<string> LiveMarkup(string text)
    {
        var problems = new List<string>();
        var literal = new bool[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] is > ' ' and < '\u007f')
            {
                literal[i] = literal[i + 1] = true;
                i++;
            }
        }

        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') || (char.IsControl(c) && c is not ('\n' or '\t')))
            {
                problems.Add($"invisible control U+{(int)c:X4} at {i}");
            }

            if (!literal[i])
            {
                if (Inline.Contains(c, StringComparison.Ordinal))
                {
                    problems.Add($"live '{c}' at {i}");
                }

                if (c == ':' && text.AsSpan(i).StartsWith("://", StringComparison.Ordinal))
                {
                    problems.Add($"a link's \"://\" at {i}");
                }

                if (lineStart && (c is '#' or '-' or '+' or '>' or '*' || (char.IsAsciiDigit(c) && NumberThenLiveDot(text, literal, i))))
                {
                    problems.Add($"line-start marker '{c}' at {i}");
                }
            }

            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }

        foreach (var mass in new[] { "@everyone", "@here" })
        {
            if (text.Contains(mass, StringComparison.Ordinal))
            {
                problems.Add($"a live {mass}");
            }
        }

        return problems;
    }

    /// <summary>
    /// Everything live in a message body we send: content, and each embed's title, description and fields as
    /// markdown; footers (shown as typed) only for controls and mass mentions. Also a body that allows mentions.
    /// </summary>
    public static IReadOnlyList<string> LiveMarkup(System.Text.Json.Nodes.JsonObject body)
    {
        var problems = new List<string>();
        var markdown = new List<string?> { (string?)body["content"] };
        foreach (var embed in body["embeds"]?.AsArray() ?? [])
        {
            markdown.Add((string?)embed?["title"]);
            markdown.Add((string?)embed?["description"]);
            foreach (var field in embed?["fields"]?.AsArray() ?? [])
            {
                markdown.Add((string?)field?["name"]);
                markdown.Add((string?)field?["value"]);
            }

            if ((string?)embed?["footer"]?["text"] is { } footer)
            {
                problems.AddRange(LiveMarkup(footer).Where(p => p.StartsWith("invisible", StringComparison.Ordinal) || p.StartsWith("a live @", StringComparison.Ordinal)).Select(p => "footer: " + p));
            }
        }

        foreach (var text in markdown.OfType<string>())
        {
            problems.AddRange(LiveMarkup(text).Select(p => $"{p} in: {text}"));
        }

        if (body["allowed_mentions"]?["parse"] is not System.Text.Json.Nodes.JsonArray { Count: 0 })
        {
            problems.Add("allowed_mentions does not forbid every mention");
        }

        return problems;
    }

    private static bool NumberThenLiveDot(string text, bool[] literal, int i)
    {
        var j = i;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        return j < text.Length && text[j] == '.' && !literal[j];
    }
}
