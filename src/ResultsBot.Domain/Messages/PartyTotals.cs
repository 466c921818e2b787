using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

/// <summary>One party's line in PA's state of the parties.</summary>
public sealed record PartyTotals(PartyCode Party, string Name, int Councils, int ChangeInControl, int SeatsWon, int NetChangeInSeats);
