using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Interactions;

/// <summary>The bodies of interaction responses and follow-ups.</summary>
internal static class InteractionMessages
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;

    public const string PreviousLabel = "Previous";
    public const string NextLabel = "Next";

    /// <summary>Only the caller sees the message.</summary>
    public const int EphemeralFlag = 64;

    /// <summary>A message body: content, never a ping (feed text could hold "@everyone"), ephemeral when asked.</summary>
    public static DiscordMessage Message(string content, bool ephemeral) => new()
    {
        Content = content.Length == 0 ? "(no answer)" : content,
        AllowedMentions = DiscordAllowedMentions.None,
        Flags = ephemeral ? EphemeralFlag : null,
    };

    /// <summary>
    /// Page <paramref name="page"/> of <paramref name="pages"/> of a long answer, with Previous and Next (greyed out at
    /// either end) and, between them, where the reader is ("Page 2 of 5"), which cannot be pressed.
    /// </summary>
    public static DiscordMessage Page(string content, int page, int pages, string commandText) => Message(content, ephemeral: false) with
    {
        Components =
        [
            new DiscordComponent(DiscordComponent.ActionRow)
            {
                Components =
                [
                    PageButton(PreviousLabel, ButtonIds.Page(Math.Max(page - 1, 1), commandText)!, disabled: page == 1, style: 1),
                    PageButton(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Page {page} of {pages}"), "at:" + page.ToString(System.Globalization.CultureInfo.InvariantCulture), disabled: true, style: 2),
                    PageButton(NextLabel, ButtonIds.Page(Math.Min(page + 1, pages), commandText)!, disabled: page == pages, style: 1),
                ],
            },
        ],
    };

    public static DiscordBody Response(int type, DiscordMessage? data = null) =>
        DiscordBody.Of(new InteractionResponse(type, data), DiscordJsonContext.Default.InteractionResponse);

    private static DiscordComponent PageButton(string label, string customId, bool disabled, int style) =>
        new(DiscordComponent.Button) { Style = style, Label = label, CustomId = customId, Disabled = disabled ? true : null };

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
