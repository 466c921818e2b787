using System.Collections.Immutable;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Book;

/// <summary>
/// Everything the bot knows about the night: the latest revision of every message, in the order
/// councils declared. Immutable, so readers (commands) never see a half-applied message.
/// </summary>
public sealed class ResultsBook
{
    private readonly ImmutableDictionary<string, FeedMessage> _latest;
    private readonly ImmutableList<string> _declarationOrder;
    private readonly ImmutableDictionary<string, string> _councilNames;
    private readonly ImmutableHashSet<string> _expected;

    public static ResultsBook Empty { get; } = new(
        ImmutableDictionary<string, FeedMessage>.Empty.WithComparers(StringComparer.Ordinal),
        [],
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    private ResultsBook(
        ImmutableDictionary<string, FeedMessage> latest,
        ImmutableList<string> declarationOrder,
        ImmutableDictionary<string, string> councilNames,
        ImmutableHashSet<string> expected)
    {
        _latest = latest;
        _declarationOrder = declarationOrder;
        _councilNames = councilNames;
        _expected = expected;
    }

    /// <summary>Declared councils, in the order they first declared.</summary>
    public IEnumerable<CouncilDeclaration> Declarations =>
        _declarationOrder.Select(key => (CouncilDeclaration)_latest[key]);

    public int DeclaredCount => _declarationOrder.Count;

    /// <summary>
    /// How many councils the night holds, when the feed says: PA's state of the parties gives a total,
    /// and nominations or a whole replayed feed name councils. Null when nothing says.
    /// </summary>
    public int? ExpectedCount
    {
        get
        {
            var fromState = LatestState?.TotalNumberOfCouncils ?? 0;
            if (fromState == 0 && _expected.IsEmpty)
            {
                return null;
            }

            var named = _expected.Union(_declarationOrder.Select(key => key["council/".Length..])).Count;
            return Math.Max(fromState, named);
        }
    }

    public StateOfParties? LatestState =>
        _latest.Values.OfType<StateOfParties>().MaxBy(s => s.NumberOfResults);

    /// <summary>Every council the feed has named, by key, with its display name.</summary>
    public IReadOnlyDictionary<string, string> KnownCouncils => _councilNames;

    public CouncilDeclaration? DeclarationFor(string councilKey) =>
        _latest.GetValueOrDefault("council/" + councilKey) as CouncilDeclaration;

    public CouncilNominations? NominationsFor(string councilKey) =>
        _latest.GetValueOrDefault("nominations/" + councilKey) as CouncilNominations;

    public FeedMessage? Latest(string messageKey) => _latest.GetValueOrDefault(messageKey);

    /// <summary>The latest revision of every message, in no particular order (for lookups by other than key).</summary>
    public IEnumerable<FeedMessage> LatestMessages => _latest.Values;

    /// <summary>Where this council came in the night's order of declarations: 1 for the first to declare.</summary>
    public int DeclarationNumber(CouncilDeclaration declaration) =>
        _declarationOrder.IndexOf(declaration.Key) + 1;

    public Acceptance Accept(FeedMessage message)
    {
        var previous = _latest.GetValueOrDefault(message.Key);
        if (previous is not null && message.Revision <= previous.Revision)
        {
            return new Acceptance(this, message, AcceptanceKind.Stale, previous);
        }

        var order = previous is null && message is CouncilDeclaration
            ? _declarationOrder.Add(message.Key)
            : _declarationOrder;
        var book = new ResultsBook(_latest.SetItem(message.Key, message), order, NameCouncils(message), Expect(message));
        return new Acceptance(book, message, previous is null ? AcceptanceKind.New : AcceptanceKind.Superseding, previous);
    }

    /// <summary>Records councils a feed is known to hold, so progress reads "36 of 107 declared".</summary>
    public ResultsBook ExpectCouncils(IEnumerable<string> councilNames)
    {
        var names = councilNames.ToList();
        return new ResultsBook(_latest, _declarationOrder, WithNames(names), _expected.Union(names.Select(CouncilKey.For)));
    }

    private ImmutableDictionary<string, string> WithNames(IEnumerable<string> names)
    {
        var known = _councilNames;
        foreach (var name in names)
        {
            known = known.ContainsKey(CouncilKey.For(name)) ? known : known.SetItem(CouncilKey.For(name), name);
        }

        return known;
    }

    private ImmutableDictionary<string, string> NameCouncils(FeedMessage message) => message switch
    {
        CouncilDeclaration d => _councilNames.SetItem(d.Council.Key, d.Council.Name),
        CouncilNominations n => _councilNames.SetItem(n.Council.Key, n.Council.Name),
        StateOfParties s => WithNames(s.CouncilsIncluded),
        _ => _councilNames,
    };

    private ImmutableHashSet<string> Expect(FeedMessage message) => message switch
    {
        CouncilNominations n => _expected.Add(n.Council.Key),
        StateOfParties s => _expected.Union(s.CouncilsIncluded.Select(CouncilKey.For)),
        _ => _expected,
    };
}
