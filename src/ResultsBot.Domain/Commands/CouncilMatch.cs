namespace ResultsBot.Domain.Commands;

/// <summary>
/// The outcome of looking a council up by what a user typed: the council's key, or candidates —
/// the councils the name fits equally well (<see cref="Ambiguous"/>), or the closest spellings.
/// </summary>
public sealed record CouncilMatch(string? Key, IReadOnlyList<string> Candidates, bool Ambiguous = false)
{
    public static CouncilMatch None(IReadOnlyList<string> suggestions) => new(null, suggestions);

    public static CouncilMatch OneOf(IReadOnlyList<string> candidates) => new(null, candidates, true);
}
