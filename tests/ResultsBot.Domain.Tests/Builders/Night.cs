using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Tests.Builders;

/// <summary>
/// A small night of four declarations, one of each kind of call, with totals worked out by hand
/// in <c>ScoreboardTests</c>.
/// </summary>
public static class Night
{
    /// <summary>Labour gain from Conservatives, by halves.</summary>
    public static CouncilDeclaration Adur { get; } = Declaration.Of("Adur").ByHalves()
        .Control("Lab", "C")
        .Elected(("Lab", 10), ("C", 3), ("Grn", 1))
        .Changes(("Lab", 4), ("C", -4))
        .NewCouncil(("Lab", 15), ("C", 11), ("Grn", 2), ("Ind", 1))
        .Build();

    /// <summary>Stays under no overall control, all out on new boundaries, no changes.</summary>
    public static CouncilDeclaration Bolton { get; } = Declaration.Of("Bolton")
        .Control("NOC", "NOC")
        .OnNewBoundaries()
        .NewCouncil(("Lab", 26), ("Ind", 14), ("C", 10), ("Oth", 6), ("LD", 4))
        .Build();

    /// <summary>Conservatives lose to no overall control, by thirds.</summary>
    public static CouncilDeclaration Basildon { get; } = Declaration.Of("Basildon").ByThirds()
        .Control("NOC", "C")
        .Elected(("Lab", 8), ("C", 5), ("Ind", 1))
        .Changes(("Lab", 3), ("C", -3))
        .NewCouncil(("C", 20), ("Lab", 18), ("Ind", 4))
        .Build();

    /// <summary>Labour hold, by thirds.</summary>
    public static CouncilDeclaration Sunderland { get; } = Declaration.Of("Sunderland").ByThirds()
        .Control("Lab", "Lab")
        .Elected(("Lab", 20), ("LD", 3), ("C", 2))
        .Changes(("Lab", -1), ("LD", 1))
        .NewCouncil(("Lab", 50), ("C", 15), ("LD", 10))
        .Build();
}
