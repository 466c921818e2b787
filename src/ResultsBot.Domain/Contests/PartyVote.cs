using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Contests;

/// <summary>A party's votes on a regional list.</summary>
public sealed record PartyVote(PartyCode Party, string Name, int Votes, decimal Share, decimal? ShareChange);
