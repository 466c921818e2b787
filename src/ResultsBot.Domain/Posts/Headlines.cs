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
}
