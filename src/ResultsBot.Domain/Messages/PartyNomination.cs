using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

public sealed record PartyNomination(PartyCode Party, string Name, int SeatsHeld, int SeatsOffered, int UnopposedReturns, int Candidates);
