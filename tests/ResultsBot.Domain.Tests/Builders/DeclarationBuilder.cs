using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Tests.Builders;

/// <summary>
/// Builds a <see cref="CouncilDeclaration"/> in the words a results desk uses:
/// <c>Declaration.Of("Thurrock").Gain("Reform", from: "Lab").NewCouncil(("Reform", 30), ("Lab", 19)).Build()</c>.
/// Unless told otherwise: revision 1, the whole council up, old boundaries, no seat changes given.
/// </summary>
public sealed class DeclarationBuilder
{
    private readonly string _council;
    private string? _paId;
    private Proportion _proportion = Proportion.All;
    private int _revision = 1;
    private string _winner = "NOC";
    private string _sitting = "NOC";
    private bool _boundaryChange;
    private IReadOnlyList<PartySeats>? _elected;
    private IReadOnlyList<SeatChange>? _changes;
    private bool _partial;
    private IReadOnlyList<PartySeats>? _before;
    private DateTimeOffset? _declaredAt;
    private IReadOnlyList<PartySeats> _newCouncil = [];

    public DeclarationBuilder(string council) => _council = council;

    public DeclarationBuilder Revision(int revision)
    {
        _revision = revision;
        return this;
    }

    public DeclarationBuilder PaId(string paId)
    {
        _paId = paId;
        return this;
    }

    public DeclarationBuilder ByThirds()
    {
        _proportion = Proportion.Third;
        return this;
    }

    public DeclarationBuilder ByHalves()
    {
        _proportion = Proportion.Half;
        return this;
    }

    /// <summary>Who controls the council now, and who did before the poll ("NOC" for no overall control).</summary>
    public DeclarationBuilder Control(string winner, string sitting)
    {
        _winner = winner;
        _sitting = sitting;
        return this;
    }

    public DeclarationBuilder OnNewBoundaries()
    {
        _boundaryChange = true;
        return this;
    }

    public DeclarationBuilder Elected(params (string Party, int Seats)[] seats)
    {
        _elected = Seats(seats);
        return this;
    }

    public DeclarationBuilder NewCouncil(params (string Party, int Seats)[] seats)
    {
        _newCouncil = Seats(seats);
        return this;
    }

    /// <summary>Seat changes; with no arguments, a feed that says nothing changed hands.</summary>
    public DeclarationBuilder Changes(params (string Party, int Change)[] changes)
    {
        _changes = [.. changes.Select(c => new SeatChange(new PartyCode(c.Party), c.Change))];
        return this;
    }

    /// <summary>The seat changes list some parties only: the rest are unknown, not zero.</summary>
    public DeclarationBuilder PartialChanges()
    {
        _partial = true;
        return this;
    }

    /// <summary>The whole council on the eve of poll.</summary>
    public DeclarationBuilder Before(params (string Party, int Seats)[] seats)
    {
        _before = Seats(seats);
        return this;
    }

    public DeclarationBuilder DeclaredAt(DateTimeOffset at)
    {
        _declaredAt = at;
        return this;
    }

    public CouncilDeclaration Build() => new(
        _revision,
        new Council(_council, _paId, "Unitary", _proportion),
        new DateOnly(2024, 5, 2),
        new PartyCode(_winner),
        new PartyCode(_sitting),
        _boundaryChange,
        _elected,
        _changes,
        _boundaryChange ? ChangeBasis.Notional : ChangeBasis.SeatsLastFought,
        _newCouncil,
        _declaredAt,
        _partial,
        _before);

    private static PartySeats[] Seats((string Party, int Seats)[] seats) =>
        [.. seats.Select(s => new PartySeats(new PartyCode(s.Party), s.Seats))];
}
