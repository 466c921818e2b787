namespace ResultsBot.Domain.Commands;

/// <summary>The outcome of looking a council up by what a user typed.</summary>
public sealed record CouncilMatch(string? Key, IReadOnlyList<string> Candidates)
{
    public static CouncilMatch None(IReadOnlyList<string> suggestions) => new(null, suggestions);
}
