namespace ResultsBot.Domain.Councils;

/// <summary>A council as a feed describes it. <see cref="Type"/> is the feed's own word (Metro, Non-Met, London...).</summary>
public sealed record Council(string Name, string? PaId, string Type, Proportion Proportion)
{
    // The key is read for every lookup and every post; normalising the name each time showed in the ingest profile.
    public string Name { get; init { field = value; Key = CouncilKey.For(value); } } = Name;

    /// <summary>The key the bot files this council's results under: its name, normalised.</summary>
    public string Key { get; private init; } = CouncilKey.For(Name);
}
