using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Posts;

/// <summary>
/// How the bot recognises its own post when it reads a channel back. Discord forgets a nonce after a few
/// minutes and never returns it on a fetched message, so each post carries its delivery's key as a short
/// "ref 4821" at the end of the embed footer (beside the source and time) or, for a plain reply, as a
/// subtext line. It is not a mention or a link, the footer is never parsed as markdown, and it survives
/// the round trip as written, where invisible characters might be dropped by Discord's text cleaning.
/// </summary>
public static class DeliveryReference
{
    /// <summary>Between the footer's source and time and the reference.</summary>
    public const string Separator = " · ";

    private const string Prefix = "ref ";
    private const string Subtext = "-# ";

    /// <summary>"ref 4821" for the delivery key "4821".</summary>
    public static string For(string key) => Prefix + key;

    /// <summary>The reference as the last line of a plain message's content (small grey subtext).</summary>
    public static string ContentLine(string key) => "\n" + Subtext + For(key);

    /// <summary>True when a message as Discord returns it carries this key's reference, in an embed footer or in its content.</summary>
    public static bool IsIn(DiscordMessage? message, string key)
    {
        var reference = For(key);
        if (message?.Embeds is { } embeds
            && embeds.Any(e => e?.Footer?.Text is { } footer && (footer == reference || footer.EndsWith(Separator + reference, StringComparison.Ordinal))))
        {
            return true;
        }

        return message?.Content is { } body && body.EndsWith(ContentLine(key), StringComparison.Ordinal);
    }
}
