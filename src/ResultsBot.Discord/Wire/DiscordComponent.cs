namespace ResultsBot.Discord.Wire;

/// <summary>
/// A message component: an action row (type 1) holding up to five buttons, or a button (type 2) with a style,
/// a label and the custom_id Discord sends back when it is pressed. Only what the bot sends is here.
/// </summary>
public sealed record DiscordComponent(int Type)
{
    public const int ActionRow = 1;
    public const int Button = 2;

    /// <summary>Buttons: 1 primary (blurple), 2 secondary (grey).</summary>
    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public bool? Disabled { get; init; }

    /// <summary>An action row's buttons.</summary>
    public IReadOnlyList<DiscordComponent>? Components { get; init; }
}
