using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

/// <param name="Previous">The party's share in the comparable figure a year before, when the message gives it.</param>
public readonly record struct PartyShare(PartyCode Party, decimal Percent, decimal? Previous = null);
