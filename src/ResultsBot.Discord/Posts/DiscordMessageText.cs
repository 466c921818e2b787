using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Posts;

/// <summary>
/// Plain text for Discord messages (command answers, interaction responses): markdown escaped, mass mentions
/// defused and long text split into messages of at most 2000 characters at line ends.
/// </summary>
public static class DiscordMessageText
{
    public const int MaxContent = 2000;

    /// <summary>"@everyone" and "@here" get a zero-width space after the @, so they read the same but are never mentions.</summary>
    public static string Neutralise(string text) => text
        .Replace("@everyone", "@\u200beveryone", StringComparison.Ordinal)
        .Replace("@here", "@\u200bhere", StringComparison.Ordinal);

    /// <summary>
    /// The text as one or more message contents of at most 2000 characters, split at line ends (at spaces,
    /// or anywhere, only for a line longer than a message). Empty text gives one zero-width space,
    /// because Discord refuses an empty message.
    /// </summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var normalised = Neutralise(DiscordMarkdown.Escape(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()));
        if (normalised.Length == 0)
        {
            return ["\u200b"];
        }

        return TextCuts.Chunks(normalised, MaxContent);
    }

    /// <summary>A message body with this content that can ping nobody: {"content": ..., "allowed_mentions": {"parse": []}}.</summary>
    public static DiscordMessage Body(string content) => new() { Content = content, AllowedMentions = DiscordAllowedMentions.None };
}
