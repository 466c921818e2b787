using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Contests;

/// <summary>One candidate as PA lists them; votes and shares only in a result.</summary>
/// <param name="Sitting">PA's previousSittingMember: the holder before the poll.</param>
/// <param name="ShareChange">Percentage points against the last election, when PA gives it.</param>
/// <param name="ListRank">Place on the party's list, for regional lists.</param>
public sealed record Candidate(
    string FirstName,
    string Surname,
    PartyCode Party,
    string PartyName,
    bool Elected,
    bool Sitting = false,
    int? Votes = null,
    decimal? Share = null,
    decimal? ShareChange = null,
    int? ListRank = null)
{
    public string Name => $"{FirstName} {Surname}".Trim();
}
