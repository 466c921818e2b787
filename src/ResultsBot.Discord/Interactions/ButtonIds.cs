using System.Globalization;
using ResultsBot.Domain.Commands;

namespace ResultsBot.Discord.Interactions;

/// <summary>
/// The custom_ids of the bot's buttons, written and read in one place. Discord sends a button's custom_id back
/// when it is pressed, and keeps at most 100 characters of it, so each says only what the press needs:
/// <list type="bullet">
/// <item><c>full:council:thurrock</c> — "Full result" on a post: the command and the council's key. The same id on
/// every post of that council, across corrections and restarts; the message pressed comes with the press itself.</item>
/// <item><c>page:3:/declared all</c> — Previous/Next under a long answer: the page to show and the command that made it.</item>
/// </list>
/// </summary>
internal static class ButtonIds
{
    public const int MaxLength = 100;
    private const string FullPrefix = "full:";
    private const string PagePrefix = "page:";

    /// <summary>The commands a "Full result" button may name, by a post's election type.</summary>
    private static readonly Dictionary<string, string> CommandByTopicType = new(StringComparer.Ordinal)
    {
        ["council"] = "council",
        ["mayor"] = "mayor",
        ["pcc"] = "pcc",
        ["parliament"] = "seat",
    };

    /// <summary>"full:council:thurrock", or null when the post's type has no command or the id would be too long.</summary>
    public static string? FullResult(string topicType, string key)
    {
        if (!CommandByTopicType.TryGetValue(topicType, out var command) || key.Length == 0)
        {
            return null;
        }

        var id = FullPrefix + command + ":" + key;
        return id.Length <= MaxLength ? id : null;
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
            var rest = customId[FullPrefix.Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && CommandByTopicType.ContainsValue(rest[..colon]) && rest[(colon + 1)..].Trim().Length > 0)
            {
                return new FullResultPress(rest[..colon], rest[(colon + 1)..]);
            }

            return Unknown.Instance;
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

    /// <summary>
    /// Whether an answer to this command may be paged: pressing a page runs the command again, so only commands that
    /// read the results (never /subscribe, /unsubscribe, /subscriptions or /share set, which change or show settings).
    /// </summary>
    public static bool CanPage(string commandText)
    {
        if (!commandText.StartsWith('/'))
        {
            return false;
        }

        var words = commandText[1..].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var spec = words.Length == 0 ? null : CommandCatalogue.Find(words[0]);
        var setsTheShare = spec?.Name == "share" && words.Length > 1 && words[1].TrimStart().StartsWith("set", StringComparison.OrdinalIgnoreCase);
        return spec is { ChangesSettings: false, AboutTheChannel: false } && !setsTheShare;
    }

    internal abstract record ButtonPress;

    /// <summary>"Full result": the command (council, mayor, pcc, seat) and the name or key to give it.</summary>
    internal sealed record FullResultPress(string Command, string Key) : ButtonPress
    {
        public string CommandText => "/" + Command + " " + Key;
    }

    internal sealed record PagePress(int Page, string CommandText) : ButtonPress;

    internal sealed record Unknown : ButtonPress
    {
        public static Unknown Instance { get; } = new();
    }
}
