using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Posts;

/// <summary>The conventional one-line call: "Labour gain Rushmoor from Conservatives".</summary>
public static class Headlines
{
    public static string For(CouncilDeclaration declaration)
    {
        var council = declaration.Council.Name;
        if (!declaration.CallAgreesWithFigures)
        {
            // Never a call that the declaration's own seats deny: the post's first line says what PA called and what the figures show.
            return $"{council}: result awaiting confirmation";
        }

        // Scottish councils elect by STV and almost never have a majority: the story is the largest party.
        if (declaration.Controller.IsNoOverallControl && Councils.CouncilTable.Find(council)?.Nation == "Scotland")
        {
            return LargestParty(declaration);
        }

        var winner = PartyNames.NameOf(declaration.Winner);
        var sitting = PartyNames.NameOf(declaration.Sitting);
        return declaration.Outcome switch
        {
            ControlOutcome.Gain => $"{winner} gain {council} from {sitting}",
            ControlOutcome.GainFromNoOverallControl => $"{winner} gain {council} from no overall control",
            ControlOutcome.Hold => $"{winner} hold {council}",
            ControlOutcome.LossToNoOverallControl => $"{sitting} lose {council} to no overall control",
            ControlOutcome.StaysNoOverallControl => $"{council} stays under no overall control",
            _ => throw new ArgumentOutOfRangeException(nameof(declaration), declaration.Outcome, "unknown outcome"),
        };
    }

    /// <summary>"SNP largest party in Glasgow, 3 short of a majority"; "Labour and SNP largest parties in Fife, 24 seats each".</summary>
    private static string LargestParty(CouncilDeclaration declaration)
    {
        var council = declaration.Council.Name;
        var ranked = declaration.NewCouncil.GroupBy(p => p.Party).Select(g => (Party: g.Key, Seats: g.Sum(p => p.Seats)))
            .OrderByDescending(p => p.Seats).ThenBy(p => PartyNames.NameOf(p.Party), StringComparer.Ordinal).ToList();
        if (ranked.Count == 0)
        {
            return $"{council} stays under no overall control";
        }

        var top = ranked.TakeWhile(p => p.Seats == ranked[0].Seats).Select(p => PartyNames.NameOf(p.Party)).ToList();
        if (top.Count > 1)
        {
            return $"{string.Join(", ", top[..^1])} and {top[^1]} largest parties in {council}, {ranked[0].Seats} seats each";
        }

        var shortBy = declaration.SeatsForMajority - ranked[0].Seats;
        return $"{top[0]} largest party in {council}, {shortBy} short of a majority";
    }
}
