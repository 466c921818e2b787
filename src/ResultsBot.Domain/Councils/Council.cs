namespace ResultsBot.Domain.Councils;

/// <summary>A council as a feed describes it. <see cref="Type"/> is the feed's own word (Metro, Non-Met, London...).</summary>
public sealed record Council(string Name, string? PaId, string Type, Proportion Proportion)
{
    /// <summary>The key the bot files this council's results under: its name, normalised.</summary>
    public string Key => CouncilKey.For(Name);
}
