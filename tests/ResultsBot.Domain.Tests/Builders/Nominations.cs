using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Tests.Builders;

/// <summary>A council's nominations: <c>Nominations.For("Harlow", Proportion.Third, ("C", 17, 6), ("Lab", 15, 5))</c> — party, seats held, seats offered.</summary>
public static class Nominations
{
    public static CouncilNominations For(string council, Proportion proportion, params (string Party, int Held, int Offered)[] parties) =>
        For(council, null, proportion, parties);

    public static CouncilNominations For(string council, string? paId, Proportion proportion, params (string Party, int Held, int Offered)[] parties) => new(
        1,
        new Council(council, paId, "Non-Met", proportion),
        new DateOnly(2026, 5, 7),
        [.. parties.Select(p => new PartyNomination(new PartyCode(p.Party), p.Party, p.Held, p.Offered, 0, 0))]);
}
