using ResultsBot.Domain.Commands;
using ResultsBot.Slack.Posts;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// Turns the engine's answer into a Slack message within Block Kit's limits: the text, escaped, in
/// code-block sections of at most 3000 characters (monospace keeps /scoreboard's columns; nothing inside
/// is formatted), at most 50 of them, and a plain fallback for notifications.
/// </summary>
internal static class SlackAnswerRenderer
{
    public const int MaxSectionText = 3000;
    public const int MaxBlocks = 50;
    public const int MaxFallback = 3000;
    private const string Fence = "```";
    private const string CutNote = "(The answer was cut: it is longer than one Slack message can hold.)";

    public static SlackCommandResponse Render(CommandAnswer answer, bool inChannel)
    {
        // A backtick could close our code block early; the engine's answers do not need one.
        var text = answer.Text.Length == 0 ? "(no answer)" : answer.Text.Replace('`', '\'');
        var escaped = SlackText.Escape(text.TrimEnd());
        var chunks = Split(escaped, MaxSectionText - (2 * Fence.Length));
        var blocks = new List<SlackSectionBlock>();
        foreach (var chunk in chunks)
        {
            if (blocks.Count == MaxBlocks - 1 && chunks.Count > MaxBlocks)
            {
                blocks.Add(new SlackSectionBlock(new SlackTextObject(CutNote)));
                break;
            }

            blocks.Add(new SlackSectionBlock(new SlackTextObject(Fence + chunk + Fence)));
        }

        var fallback = escaped.Length <= MaxFallback ? escaped : SafeCut(escaped, MaxFallback - 1) + "…";
        return new SlackCommandResponse(inChannel ? SlackCommandResponse.InChannel : SlackCommandResponse.Ephemeral, fallback, blocks);
    }

    /// <summary>Pieces of at most <paramref name="limit"/> characters, broken at line ends where a line allows.</summary>
    internal static List<string> Split(string text, int limit)
    {
        var chunks = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var rest = line;
            while (rest.Length > limit)
            {
                Flush();
                var piece = SafeCut(rest, limit);
                chunks.Add(piece);
                rest = rest[piece.Length..];
            }

            var needed = current.Length == 0 ? rest.Length : current.Length + 1 + rest.Length;
            if (needed > limit)
            {
                Flush();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(rest);
        }

        Flush();
        return chunks;

        void Flush()
        {
            if (current.Length > 0)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>The first <paramref name="limit"/> characters at most, never ending inside an escape such as &amp;amp; or a surrogate pair.</summary>
    private static string SafeCut(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var end = limit;
        var amp = text.LastIndexOf('&', end - 1, Math.Min(5, end));
        if (amp >= 0 && text.IndexOf(';', amp) >= end)
        {
            end = amp;
        }

        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end];
    }
}
