using System.Globalization;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// The bot's buttons other than "Share to channel", written and read in one place. Slack sends a button's action_id and
/// value back when it is pressed (block_actions), so each value says only what the press needs:
/// <list type="bullet">
/// <item><c>full_result</c>, value <c>council/thurrock</c> — "Full result" under a declaration post: the key of the
/// message the post is about, which names the council (or the mayoralty, police area, parliament seat). The same value
/// on every post and correction of that place, across restarts; Discord's button carries the same key.</item>
/// <item><c>page_previous</c> / <c>page_next</c>, value <c>2:/declared all</c> — under a long private answer: the page to
/// show and the command that made it, run again when pressed.</item>
/// </list>
/// </summary>
internal static class SlackButtons
{
    public const string FullResultActionId = "full_result";
    public const string FullResultLabel = "Full result";
    public const string PreviousActionId = "page_previous";
    public const string NextActionId = "page_next";
    public const string PreviousLabel = "Previous";
    public const string NextLabel = "Next";

    /// <summary>The "Full result" row under a result's post, or null for a post no command answers (milestones, digests, the share).</summary>
    public static ActionsBlock? FullResult(Post post)
    {
        // From the subject, not the topic: a post read back from the store for sending has its subject but no topic.
        if (post.Kind is not (PostKind.Declaration or PostKind.Correction)
            || post.Subject.Length > BlockKitLimits.ButtonValue || FullResultCommand.For(post.Subject) is null)
        {
            return null;
        }

        return new ActionsBlock([new ButtonElement(SlackTextObject.Plain(FullResultLabel), FullResultActionId, post.Subject)]);
    }

    /// <summary>"2:/declared all", or null when it would not fit a button's value.</summary>
    public static string? PageValue(int page, string commandText)
    {
        var value = page.ToString(CultureInfo.InvariantCulture) + ":" + commandText;
        return value.Length <= BlockKitLimits.ButtonValue ? value : null;
    }

    /// <summary>The page and command a Previous/Next value names, or null for one the bot did not write (or a command that writes).</summary>
    public static (int Page, string CommandText)? ReadPage(string? value)
    {
        var colon = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (value is null || colon <= 0 || value.Length > BlockKitLimits.ButtonValue
            || !int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            return null;
        }

        var command = value[(colon + 1)..];
        return CommandCatalogue.ReadsOnly(command) ? (page, command) : null;
    }
}
