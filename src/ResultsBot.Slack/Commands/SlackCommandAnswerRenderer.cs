using ResultsBot.Domain.Commands;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// Turns the engine's answer to a slash command into Slack's answer within Block Kit's limits: the text, escaped, in
/// code-block sections of at most 3000 characters (monospace keeps /scoreboard's columns; nothing inside is
/// formatted), at most 50 of them, and a plain fallback for notifications. Cut where Slack's one splitter,
/// <see cref="SlackText.Split"/>, cuts everything: at line ends where it can, never inside an escape.
/// </summary>
public static class SlackCommandAnswerRenderer
{
    public const int MaxFallback = 3000;
    private const string Fence = "```";
    private const string CutNote = "(The answer was cut: it is longer than one Slack message can hold.)";

    public static SlackCommandResponse Render(CommandAnswer answer, bool inChannel)
    {
        // A backtick could close our code block early; the engine's answers do not need one.
        var text = answer.Text.Length == 0 ? "(no answer)" : answer.Text.Replace('`', '\'');
        var escaped = SlackText.Escape(text.TrimEnd());
        var chunks = SlackText.Split(escaped, BlockKitLimits.SectionText - (2 * Fence.Length));
        var blocks = new List<SlackBlock>();
        foreach (var chunk in chunks)
        {
            if (blocks.Count == BlockKitLimits.Blocks - 1 && chunks.Count > BlockKitLimits.Blocks)
            {
                blocks.Add(Blocks.MrkdwnSection(CutNote));
                break;
            }

            blocks.Add(Blocks.MrkdwnSection(Fence + chunk + Fence));
        }

        var fallback = SlackText.Truncate(escaped, MaxFallback);
        return new SlackCommandResponse(inChannel ? SlackCommandResponse.InChannel : SlackCommandResponse.Ephemeral, fallback, blocks);
    }
}
