using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

/// <summary>A council's declared result (PA's LocalElectionResult).</summary>
/// <param name="Changes">Net change in seats won against when the same seats were last fought (notional on new boundaries): the BBC/PA basis. Null when not given.</param>
/// <param name="ChangesPartial">True when <paramref name="Changes"/> lists only some parties: the others' changes are unknown, not zero.</param>
/// <param name="CouncilBefore">The whole council on the eve of poll, when known: what "Council now: Labour 24 (was 18)" compares with.</param>
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
    DateTimeOffset? DeclaredAt = null,
    bool ChangesPartial = false,
    IReadOnlyList<PartySeats>? CouncilBefore = null) : FeedMessage(Revision)
{
    public override string Key => "council/" + Council.Key;

    /// <summary>
    /// True when the whole council was up: PA leaves out ElectedCouncillors then, and the new council is what was won.
    /// A council on new boundaries elects all its seats at once, whatever its usual cycle.
    /// </summary>
    /// Seats won that fill the council say so too, whatever the usual cycle.
    public bool WholeCouncilUp => Council.Proportion == Proportion.All || BoundaryChange || Elected?.Sum(p => p.Seats) >= TotalSeats;

    /// <summary>
    /// Seats won at this election. Null when the feed does not say: a third or a half whose file has no
    /// ElectedCouncillors must not be taken to have elected the whole council.
    /// </summary>
    public IReadOnlyList<PartySeats>? SeatsWon => Elected ?? (WholeCouncilUp ? NewCouncil : null);

    public int TotalSeats => NewCouncil.Sum(p => p.Seats);

    /// <summary>Seats contested, when known.</summary>
    public int? SeatsUp => SeatsWon?.Sum(p => p.Seats);

    /// <summary>Seats needed for a majority: more than half.</summary>
    public int SeatsForMajority => (TotalSeats / 2) + 1;

    // Worked out once per council state: every post asks it of every earlier declaration of the night
    // (the tally, the scoreboard), which showed in the ingest profile when it grouped the seats each time.
    // The initialisers below set both at construction; the init accessor keeps them together in a `with`.
    public IReadOnlyList<PartySeats> NewCouncil { get; init { field = value; ControlByFigures = HolderOf(value); } } = NewCouncil;

    /// <summary>Who the seat figures say controls the council: a party with more than half the seats, else no overall control.</summary>
    public PartyCode ControlByFigures { get; private init; } = HolderOf(NewCouncil);

    /// <summary>False when the call contradicts the declaration's own seat figures (a winner without a majority, or NOC with one).</summary>
    public bool CallAgreesWithFigures => Winner.IsNoOverallControl
        ? ControlByFigures.IsNoOverallControl
        : ControlByFigures == Winner;

    public ControlOutcome Outcome => (Winner.IsNoOverallControl, Sitting.IsNoOverallControl) switch
    {
        (true, true) => ControlOutcome.StaysNoOverallControl,
        (true, false) => ControlOutcome.LossToNoOverallControl,
        (false, true) => ControlOutcome.GainFromNoOverallControl,
        _ when Winner == Sitting => ControlOutcome.Hold,
        _ => ControlOutcome.Gain,
    };

    /// <summary>
    /// Who controls the council as far as the night's totals go: the call when its figures bear it out,
    /// else what the figures show, so no total counts a majority that the seats deny.
    /// </summary>
    public PartyCode Controller => CallAgreesWithFigures ? Winner : ControlByFigures;

    public int SeatsOf(PartyCode party) => NewCouncil.Where(p => p.Party == party).Sum(p => p.Seats);

    /// <summary>The party's change in seats won on the stated basis, or null when the feed does not give it.</summary>
    public int? ChangeOf(PartyCode party)
    {
        if (Changes is null)
        {
            return null;
        }

        var listed = Changes.Where(c => c.Party == party).ToList();
        return listed.Count == 0 && ChangesPartial ? null : listed.Sum(c => c.Change);
    }

    /// <summary>True when the two declarations would read the same: a revision that only repeats a result is no correction.</summary>
    public bool SameResultAs(CouncilDeclaration other) =>
        Council == other.Council
        && Winner == other.Winner
        && Sitting == other.Sitting
        && BoundaryChange == other.BoundaryChange
        && ChangeBasis == other.ChangeBasis
        && ChangesPartial == other.ChangesPartial
        && SameSeats(Elected, other.Elected)
        && SameSeats(NewCouncil, other.NewCouncil)
        && SameSeats(CouncilBefore, other.CouncilBefore)
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

    private static PartyCode HolderOf(IReadOnlyList<PartySeats> council)
    {
        var majority = (council.Sum(p => p.Seats) / 2) + 1;
        return council.GroupBy(p => p.Party).Select(g => (Party: g.Key, Seats: g.Sum(p => p.Seats)))
            .FirstOrDefault(p => !p.Party.IsNoOverallControl && p.Seats >= majority) is { Party.Value: not null } holder
            ? holder.Party
            : PartyCode.NoOverallControl;
    }
}
