using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// A council's call as words without the council's name, for sentences that name it already:
/// "Labour gain from Conservatives", "Conservatives lose control (no overall control)".
/// </summary>
internal static class CouncilCall
{
    /// <summary>The party the call is about (null when the council simply stays under no overall control), and what it did.</summary>
    public static (PartyCode? Subject, string Predicate) Of(CouncilDeclaration d) => d.Outcome switch
    {
        ControlOutcome.Gain => (d.Winner, $"gain from {PartyNames.NameOf(d.Sitting)}"),
        ControlOutcome.GainFromNoOverallControl => (d.Winner, "gain from no overall control"),
        ControlOutcome.Hold => (d.Winner, "hold"),
        ControlOutcome.LossToNoOverallControl => (d.Sitting, "lose control (no overall control)"),
        _ => (null, "stays under no overall control"),
    };

    /// <summary>"Conservatives hold"; "no overall control" for a council that stays so.</summary>
    public static string Phrase(CouncilDeclaration d) => Of(d) switch
    {
        ({ } subject, var predicate) => $"{PartyNames.NameOf(subject)} {predicate}",
        _ => "no overall control",
    };

    /// <summary>The call that follows another in a correction: "they lose control" when the party is the same one.</summary>
    public static string PhraseAfter(CouncilDeclaration earlier, CouncilDeclaration now) => (Of(earlier).Subject, Of(now)) switch
    {
        ({ } before, ({ } subject, var predicate)) when before == subject => $"they {predicate}",
        (_, ({ } subject, var predicate)) => $"{PartyNames.NameOf(subject)} {predicate}",
        _ => "the council stays under no overall control",
    };
}
