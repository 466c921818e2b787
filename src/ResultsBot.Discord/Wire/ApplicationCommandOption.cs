namespace ResultsBot.Discord.Wire;

/// <summary>A command's option; Autocomplete is left out unless true.</summary>
public sealed record ApplicationCommandOption
{
    /// <summary>3: STRING.</summary>
    public int Type { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public bool Required { get; init; }

    public bool? Autocomplete { get; init; }
}
