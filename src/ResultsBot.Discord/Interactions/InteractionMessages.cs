using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Interactions;

/// <summary>The bodies of interaction responses and follow-ups.</summary>
internal static class InteractionMessages
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int AutocompleteResult = 8;

    /// <summary>Only the caller sees the message.</summary>
    public const int EphemeralFlag = 64;

    /// <summary>A message body: content, never a ping (feed text could hold "@everyone"), ephemeral when asked.</summary>
    public static DiscordMessage Message(string content, bool ephemeral) => new()
    {
        Content = content.Length == 0 ? "(no answer)" : content,
        AllowedMentions = DiscordAllowedMentions.None,
        Flags = ephemeral ? EphemeralFlag : null,
    };

    public static DiscordBody Response(int type, DiscordMessage? data = null) =>
        DiscordBody.Of(new InteractionResponse(type, data), DiscordJsonContext.Default.InteractionResponse);

    public static DiscordBody Choices(IEnumerable<string> suggestions)
    {
        var choices = new List<AutocompleteChoice>();
        foreach (var suggestion in suggestions.Where(s => s.Length is > 0 and <= 100).Distinct(StringComparer.Ordinal).Take(25))
        {
            // The name is shown as typed (no markdown), but a council name from the feed could still carry bidi
            // controls that make it read as something else; the value goes back to us unchanged.
            var name = Posts.DiscordMarkdown.StripControls(suggestion);
            choices.Add(new AutocompleteChoice(name.Length == 0 ? suggestion : name, suggestion));
        }

        return DiscordBody.Of(new AutocompleteResponse(AutocompleteResult, new AutocompleteChoices(choices)), DiscordJsonContext.Default.AutocompleteResponse);
    }
}
