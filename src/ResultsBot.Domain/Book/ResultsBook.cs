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

    // Kept as messages arrive rather than worked out from every message on each read: every post asks for
    // both, and walking the whole book per declaration was a tenth of a night's ingest.
    private readonly ImmutableHashSet<string> _named;
    private readonly StateOfParties? _latestState;

    // When each message's latest revision was taken, so a correction can say when the post it corrects went out.
    private readonly ImmutableDictionary<string, DateTimeOffset> _acceptedAt;

    public static ResultsBook Empty { get; } = new(
        ImmutableDictionary<string, FeedMessage>.Empty.WithComparers(StringComparer.Ordinal),
        [],
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        null,
        ImmutableDictionary<string, DateTimeOffset>.Empty.WithComparers(StringComparer.Ordinal));

    private ResultsBook(
        ImmutableDictionary<string, FeedMessage> latest,
        ImmutableList<string> declarationOrder,
        ImmutableDictionary<string, string> councilNames,
        ImmutableHashSet<string> expected,
        ImmutableHashSet<string> named,
        StateOfParties? latestState,
        ImmutableDictionary<string, DateTimeOffset> acceptedAt)
    {
        _latest = latest;
        _declarationOrder = declarationOrder;
        _councilNames = councilNames;
        _expected = expected;
        _named = named;
        _latestState = latestState;
        _acceptedAt = acceptedAt;
    }

    /// <summary>Declared councils, in the order they first declared.</summary>
    public IEnumerable<CouncilDeclaration> Declarations =>
        _declarationOrder.Select(key => (CouncilDeclaration)_latest[key]);

    /// <summary>The councils that declared before the one filed under <paramref name="messageKey"/> (all of them if it has not declared), in order.</summary>
    public IEnumerable<CouncilDeclaration> DeclarationsBefore(string messageKey) =>
        _declarationOrder.TakeWhile(key => key != messageKey).Select(key => (CouncilDeclaration)_latest[key]);

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

            return Math.Max(fromState, _named.Count);
        }
    }

    /// <summary>The state of the parties that counts the most results.</summary>
    public StateOfParties? LatestState => _latestState;

    /// <summary>Every council the feed has named, by key, with its display name.</summary>
    public IReadOnlyDictionary<string, string> KnownCouncils => _councilNames;

    public CouncilDeclaration? DeclarationFor(string councilKey) =>
        _latest.GetValueOrDefault("council/" + councilKey) as CouncilDeclaration;

    public CouncilNominations? NominationsFor(string councilKey) =>
        _latest.GetValueOrDefault("nominations/" + councilKey) as CouncilNominations;

    public FeedMessage? Latest(string messageKey) => _latest.GetValueOrDefault(messageKey);

    /// <summary>The latest revision of every message, in no particular order (see <see cref="Ballots"/> for wards and referendums).</summary>
    public IEnumerable<FeedMessage> Messages => _latest.Values;

    /// <summary>Where this council came in the night's order of declarations: 1 for the first to declare.</summary>
    public int DeclarationNumber(CouncilDeclaration declaration) =>
        _declarationOrder.IndexOf(declaration.Key) + 1;

    /// <summary>When the latest revision of a message was taken, if the book was told.</summary>
    public DateTimeOffset? AcceptedAt(string messageKey) =>
        _acceptedAt.TryGetValue(messageKey, out var at) ? at : null;

    /// <param name="at">When the bot took the message (kept so a later correction can say when this one was posted).</param>
    public Acceptance Accept(FeedMessage message, DateTimeOffset? at = null)
    {
        var previous = _latest.GetValueOrDefault(message.Key);
        if (previous is not null && message.Revision <= previous.Revision)
        {
            return new Acceptance(this, message, AcceptanceKind.Stale, previous);
        }

        var previousAt = AcceptedAt(message.Key);
        var acceptedAt = at is { } when ? _acceptedAt.SetItem(message.Key, when) : _acceptedAt;

        var firstDeclaration = previous is null && message is CouncilDeclaration;
        var order = firstDeclaration ? _declarationOrder.Add(message.Key) : _declarationOrder;
        var latest = _latest.SetItem(message.Key, message);
        var named = firstDeclaration ? _named.Add(((CouncilDeclaration)message).Council.Key) : _named;
        var book = new ResultsBook(latest, order, NameCouncils(message), Expect(message), Expect(named, message), StateIn(latest, message), acceptedAt);
        return new Acceptance(book, message, previous is null ? AcceptanceKind.New : AcceptanceKind.Superseding, previous) { PreviousAt = previousAt };
    }

    /// <summary>Records councils a feed is known to hold, so progress reads "36 of 107 declared".</summary>
    public ResultsBook ExpectCouncils(IEnumerable<string> councilNames)
    {
        var names = councilNames.ToList();
        var keys = names.Select(CouncilKey.For).ToList();
        return new ResultsBook(_latest, _declarationOrder, WithNames(names), _expected.Union(keys), _named.Union(keys), _latestState, _acceptedAt);
    }

    private ImmutableDictionary<string, string> WithNames(IEnumerable<string> names)
    {
        var known = _councilNames;
        foreach (var name in names)
        {
            var key = CouncilKey.For(name);
            known = known.ContainsKey(key) ? known : known.SetItem(key, name);
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

    private ImmutableHashSet<string> Expect(FeedMessage message) => Expect(_expected, message);

    private static ImmutableHashSet<string> Expect(ImmutableHashSet<string> councils, FeedMessage message) => message switch
    {
        CouncilNominations n => councils.Add(n.Council.Key),
        StateOfParties s => councils.Union(s.CouncilsIncluded.Select(CouncilKey.For)),
        _ => councils,
    };

    private StateOfParties? StateIn(ImmutableDictionary<string, FeedMessage> latest, FeedMessage message) => message is StateOfParties
        ? latest.Values.OfType<StateOfParties>().MaxBy(s => s.NumberOfResults)
        : _latestState;
}
