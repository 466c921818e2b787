using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

public readonly record struct PartySeats(PartyCode Party, int Seats);
