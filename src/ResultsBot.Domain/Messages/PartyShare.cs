using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

public readonly record struct PartyShare(PartyCode Party, decimal Percent);
