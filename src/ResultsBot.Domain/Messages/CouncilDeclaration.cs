using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

/// <summary>A council's declared result (PA's LocalElectionResult).</summary>
public sealed record CouncilDeclaration(
    int Revision,
    Council Council,
    DateOnly? ElectionDate,
    PartyCode Winner,
    PartyCode Sitting,
    bool BoundaryChange,
    IReadOnlyList<PartySeats>? Elected,
    IReadOnlyList<SeatChange>? Changes,
    ChangeBasis ChangeBasis,
    IReadOnlyList<PartySeats> NewCouncil,
    DateTimeOffset? DeclaredAt = null) : FeedMessage(Revision)
{
    public override string Key => "council/" + Council.Key;

    /// <summary>Seats won at this election: PA leaves out ElectedCouncillors when the whole council was up.</summary>
    public IReadOnlyList<PartySeats> SeatsWon => Elected ?? NewCouncil;

    public int TotalSeats => NewCouncil.Sum(p => p.Seats);

    public int SeatsUp => SeatsWon.Sum(p => p.Seats);

    public ControlOutcome Outcome => (Winner.IsNoOverallControl, Sitting.IsNoOverallControl) switch
    {
        (true, true) => ControlOutcome.StaysNoOverallControl,
        (true, false) => ControlOutcome.LossToNoOverallControl,
        (false, true) => ControlOutcome.GainFromNoOverallControl,
        _ when Winner == Sitting => ControlOutcome.Hold,
        _ => ControlOutcome.Gain,
    };

    public int SeatsOf(PartyCode party) => NewCouncil.Where(p => p.Party == party).Sum(p => p.Seats);

    /// <summary>True when the two declarations would read the same: a revision that only repeats a result is no correction.</summary>
    public bool SameResultAs(CouncilDeclaration other) =>
        Council == other.Council
        && Winner == other.Winner
        && Sitting == other.Sitting
        && BoundaryChange == other.BoundaryChange
        && ChangeBasis == other.ChangeBasis
        && SameSeats(Elected, other.Elected)
        && SameSeats(NewCouncil, other.NewCouncil)
        && SameChanges(Changes, other.Changes);

    // A party listed with no seats reads the same as one left out, as a zero change does below.
    private static bool SameSeats(IReadOnlyList<PartySeats>? a, IReadOnlyList<PartySeats>? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Where(p => p.Seats != 0).OrderBy(p => p.Party.Value, StringComparer.Ordinal)
                .SequenceEqual(b.Where(p => p.Seats != 0).OrderBy(p => p.Party.Value, StringComparer.Ordinal));

    private static bool SameChanges(IReadOnlyList<SeatChange>? a, IReadOnlyList<SeatChange>? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Where(c => c.Change != 0).OrderBy(c => c.Party.Value, StringComparer.Ordinal)
                .SequenceEqual(b.Where(c => c.Change != 0).OrderBy(c => c.Party.Value, StringComparer.Ordinal));
}
