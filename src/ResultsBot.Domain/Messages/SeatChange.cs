using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

public readonly record struct SeatChange(PartyCode Party, int Change);
