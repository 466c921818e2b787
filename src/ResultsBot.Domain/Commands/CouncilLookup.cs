namespace ResultsBot.Domain.Commands;

/// <summary>What looking a council up found: the key tonight's results file it under, or the answer saying why not.</summary>
public sealed record CouncilLookup(string? Key, CommandAnswer? Problem)
{
    public static implicit operator CouncilLookup(CommandAnswer problem) => new(null, problem);
}
