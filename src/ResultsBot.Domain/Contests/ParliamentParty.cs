using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Contests;

/// <summary>A party's line in a parliament's state of the parties.</summary>
public sealed record ParliamentParty(PartyCode Party, string Name, int Seats, int Gains, int Losses, int Votes, decimal Share, decimal? ShareChange)
{
    public int NetChange => Gains - Losses;
}
