using System.Globalization;
using ResultsBot.Domain.Commands;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// Turns the engine's answer to a slash command into Slack's answer within Block Kit's limits: the text, escaped, in
/// code-block sections of at most 3000 characters (monospace keeps /scoreboard's columns; nothing inside is
/// formatted), at most 50 of them, and a plain fallback for notifications. Cut where Slack's one splitter,
/// <see cref="SlackText.Split"/>, cuts everything: at line ends where it can, never inside an escape. A long private
/// answer goes a page at a time instead (<see cref="RenderPage"/>).
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
        var (escaped, chunks) = Chunks(answer);
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

        if (!inChannel && ShareButton(shareCommand) is { } share && blocks.Count < BlockKitLimits.Blocks)
        {
            blocks.Add(new ActionsBlock([share]));
        }

        var fallback = SlackText.Truncate(escaped, MaxFallback);
        return new SlackCommandResponse(inChannel ? SlackCommandResponse.InChannel : SlackCommandResponse.Ephemeral, fallback, blocks);
    }

    /// <summary>
    /// A private answer to <paramref name="command"/> (one that only reads), a page at a time when it is longer than one:
    /// page <paramref name="page"/> (or the last there is, when the answer has shrunk since) as one code block, where the
    /// reader is ("Page 2 of 5"), and Previous and Next (each left out at its end: Slack cannot grey a button out) beside
    /// "Share to channel". A page is what one section holds, about 3,000 characters — a little more than a Discord
    /// message, Discord's page. An answer that fits one page is the plain answer with its share button.
    /// </summary>
    public static SlackCommandResponse RenderPage(CommandAnswer answer, string command, int page)
    {
        var (_, chunks) = Chunks(answer);
        if (chunks.Count <= 1 || SlackButtons.PageValue(chunks.Count, command) is null)
        {
            return Render(answer, inChannel: false, command);
        }

        page = Math.Clamp(page, 1, chunks.Count);
        var chunk = chunks[page - 1];
        var buttons = new List<ButtonElement>();
        if (page > 1)
        {
            buttons.Add(new ButtonElement(SlackTextObject.Plain(SlackButtons.PreviousLabel), SlackButtons.PreviousActionId, SlackButtons.PageValue(page - 1, command)!));
        }

        if (page < chunks.Count)
        {
            buttons.Add(new ButtonElement(SlackTextObject.Plain(SlackButtons.NextLabel), SlackButtons.NextActionId, SlackButtons.PageValue(page + 1, command)!));
        }

        // Shared, the whole answer goes to the channel, as "post" would give it: a page cut from the middle of a list
        // would read as the whole list to the channel, which has no buttons to turn it.
        if (ShareButton(command) is { } share)
        {
            buttons.Add(share);
        }

        var where = Blocks.Context(string.Create(CultureInfo.InvariantCulture, $"Page {page} of {chunks.Count}"));
        return new SlackCommandResponse(SlackCommandResponse.Ephemeral, SlackText.Truncate(chunk, MaxFallback), [Blocks.MrkdwnSection(Fence + chunk + Fence), where, new ActionsBlock(buttons)]);
    }

    private static ButtonElement? ShareButton(string? command) =>
        command is { Length: > 0 and <= BlockKitLimits.ButtonValue } ? new ButtonElement(SlackTextObject.Plain(ShareLabel), ShareActionId, command) : null;

    /// <summary>The answer escaped, and cut into pieces that each fit one code-block section.</summary>
    private static (string Escaped, IReadOnlyList<string> Chunks) Chunks(CommandAnswer answer)
    {
        // A backtick could close our code block early; the engine's answers do not need one.
        var text = answer.Text.Length == 0 ? "(no answer)" : answer.Text.Replace('`', '\'');
        var escaped = SlackText.Escape(text.TrimEnd());
        return (escaped, SlackText.Split(escaped, BlockKitLimits.SectionText - (2 * Fence.Length)));
    }
}
