using System.Globalization;
using ResultsBot.Domain.Commands;

namespace ResultsBot.Discord.Interactions;

/// <summary>
/// The custom_ids of the bot's buttons, written and read in one place. Discord sends a button's custom_id back
/// when it is pressed, and keeps at most 100 characters of it, so each says only what the press needs:
/// <list type="bullet">
/// <item><c>full:council/thurrock</c> — "Full result" on a post: the key of the message the post is about (the
/// declaration's), which names the council. The same id on every post and correction of that council, across
/// restarts (the key is stored with the post); the message pressed comes with the press itself.</item>
/// <item><c>page:3:/declared all</c> — Previous/Next under a long answer: the page to show and the command that made it.</item>
/// </list>
/// </summary>
internal static class ButtonIds
{
    public const int MaxLength = 100;
    private const string FullPrefix = "full:";
    private const string PagePrefix = "page:";

    /// <summary>"full:council/thurrock" for a post about that message, or null when no command gives its full result or the id would be too long.</summary>
    public static string? FullResult(string subject)
    {
        var id = FullPrefix + subject;
        return FullResultCommand(subject) is not null && id.Length <= MaxLength ? id : null;
    }

    /// <summary>"page:2:/declared all", or null when the command would not fit.</summary>
    public static string? Page(int page, string commandText)
    {
        var id = PagePrefix + page.ToString(CultureInfo.InvariantCulture) + ":" + commandText;
        return id.Length <= MaxLength ? id : null;
    }

    /// <summary>What a pressed button asks for; <see cref="Unknown"/> for anything the bot did not write.</summary>
    public static ButtonPress Read(string? customId)
    {
        if (customId is null || customId.Length > MaxLength)
        {
            return Unknown.Instance;
        }

        if (customId.StartsWith(FullPrefix, StringComparison.Ordinal))
        {
            return FullResultCommand(customId[FullPrefix.Length..]) is { } command ? new FullResultPress(command) : Unknown.Instance;
        }

        if (customId.StartsWith(PagePrefix, StringComparison.Ordinal))
        {
            var rest = customId[PagePrefix.Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
                && CanPage(rest[(colon + 1)..]))
            {
                return new PagePress(page, rest[(colon + 1)..]);
            }
        }

        return Unknown.Instance;
    }

    /// <summary>The command giving the full result of the message with this key (see <see cref="Domain.Commands.FullResultCommand"/>).</summary>
    private static string? FullResultCommand(string subject) => Domain.Commands.FullResultCommand.For(subject);

    /// <summary>Whether an answer to this command may be paged: pressing a page runs the command again, so only commands that only read.</summary>
    public static bool CanPage(string commandText) => CommandCatalogue.ReadsOnly(commandText);

    internal abstract record ButtonPress;

    /// <summary>"Full result": the command that gives it, e.g. "/council thurrock".</summary>
    internal sealed record FullResultPress(string CommandText) : ButtonPress;

    internal sealed record PagePress(int Page, string CommandText) : ButtonPress;

    internal sealed record Unknown : ButtonPress
    {
        public static Unknown Instance { get; } = new();
    }
}
