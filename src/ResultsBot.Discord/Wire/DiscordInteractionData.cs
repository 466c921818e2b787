namespace ResultsBot.Discord.Wire;

/// <summary>
/// What an interaction carries: for a command, its name and options as typed; for a button press (a
/// MESSAGE_COMPONENT), the pressed button's custom_id and its component type (2 for a button).
/// </summary>
public sealed record DiscordInteractionData(string? Name, IReadOnlyList<DiscordInteractionOption>? Options = null)
{
    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }
}
