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

    /// <summary>The button under a private answer that shows it to the channel: its value is the command to run again.</summary>
    public const string ShareActionId = "share_to_channel";
    public const string ShareLabel = "Share to channel";

    /// <param name="shareCommand">
    /// For a private answer that may be shared, the command that made it ("/council Thurrock"): a "Share to channel"
    /// button goes under it, its value that command (a button's value holds at most 2,000 characters).
    /// </param>
    public static SlackCommandResponse Render(CommandAnswer answer, bool inChannel, string? shareCommand = null)
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

        if (!inChannel && shareCommand is { Length: > 0 and <= BlockKitLimits.ButtonValue } && blocks.Count < BlockKitLimits.Blocks)
        {
            blocks.Add(new ActionsBlock([new ButtonElement(SlackTextObject.Plain(ShareLabel), ShareActionId, shareCommand)]));
        }

        var fallback = SlackText.Truncate(escaped, MaxFallback);
        return new SlackCommandResponse(inChannel ? SlackCommandResponse.InChannel : SlackCommandResponse.Ephemeral, fallback, blocks);
    }
}
