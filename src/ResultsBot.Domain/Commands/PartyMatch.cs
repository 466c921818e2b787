using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// The outcome of looking a party up by what a user typed: the party, or candidates — the parties
/// the name fits equally well (<see cref="Ambiguous"/>), or the closest spellings.
/// </summary>
public sealed record PartyMatch(PartyCode? Party, IReadOnlyList<PartyCode> Candidates, bool Ambiguous = false);
