using System.Globalization;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Text;
using ResultsBot.Feeds;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;


namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Takes messages into the book and decides what to post: a new result is posted, a later revision
/// that changes it is posted as a correction, anything else changes nothing. The message and its posts
/// are stored together before the book moves on, so what was accepted is never lost.
/// </summary>
public sealed class ResultsDesk(
    IResultsStore store,
    DeclarationPostComposer composer,
    MilestoneComposer milestones,
    ChannelSubscriptions subscriptions,
    TimeProvider time,
    CultureInfo culture,
    ILogger<ResultsDesk> logger,
    Operations.BotMetrics? metrics = null,
    CandidatePostComposer? candidates = null,
    IEnumerable<IBotPresence>? presences = null,
    NightReadBack? readBack = null)
{
    private readonly BallotPosts _ballots = new(culture);
    private readonly UnplacedCouncils _unplaced = new(logger);
    private readonly CandidatePostComposer _candidates = candidates ?? new CandidatePostComposer(culture);

    private ResultsBook _book = ResultsBook.Empty;

    // The book moves under this lock only: the feed loop, a command's /share set and the catch-up with other
    // instances would otherwise each write a book that leaves out what another just took.
    private readonly Lock _gate = new();

    // The last stored message the book has read back (at restore or catch-up), so catching up reads only what is new.
    private long _lastStoredId;

    // When each message's posting revision was taken, so a correction can say when the post it corrects went
    // out; a revision that posts nothing leaves it where it was. After a restart the book's times (from the
    // store) stand in.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _received = new(StringComparer.Ordinal);

    /// <summary>The night's progress as the bot's status where platforms show one ("36 of 107 councils declared").</summary>
    private void ShowProgress(ResultsBook book)
    {
        var watching = Progress.Councils(book.DeclaredCount, book.ExpectedCount, culture);
        foreach (var presence in presences ?? [])
        {
            presence.Show(watching);
        }
    }

    /// <summary>The book as of the last accepted message; safe to read from any thread.</summary>
    public ResultsBook Book => Volatile.Read(ref _book);

    /// <summary>Rebuilds the book from the store after a restart. Returns how many messages it read back.</summary>
    public int Restore()
    {
        var (read, _) = ReadOn();
        if (Book.DeclaredCount > 0)
        {
            ShowProgress(Book); // after a restart mid-night, the status is there before the next milestone
        }

        return read;
    }

    /// <summary>
    /// Takes into the book what other instances sharing the store accepted since the last message this one has, so
    /// it answers with the same figures. Returns how many of them changed the book (its own come back unchanged).
    /// </summary>
    public int CatchUp() => ReadOn().Changed;

    // The store's messages after the last one read, into the book in the order they were accepted.
    private (int Read, int Changed) ReadOn()
    {
        lock (_gate)
        {
            var book = Book;
            var stored = store.LoadMessagesAfter(_lastStoredId);
            var changed = 0;
            foreach (var message in stored)
            {
                _lastStoredId = Math.Max(_lastStoredId, message.Id);
                var parsed = FeedParser.Parse(message.Content, message.Origin).Messages
                    .FirstOrDefault(m => m.Key == message.Key && m.Revision == message.Revision);
                if (parsed is null)
                {
                    logger.LogWarning("Stored message {Key} revision {Revision} no longer reads as it did; left out", message.Key, message.Revision);
                    continue;
                }

                var acceptance = book.Accept(parsed, message.AcceptedAt);
                if (acceptance.Kind != AcceptanceKind.Stale)
                {
                    changed++;
                }

                book = acceptance.Book;
            }

            Volatile.Write(ref _book, book);
            readBack?.Finished(); // at the start (restore, or a catch-up that came first) the book holds the night now
            return (stored.Count, changed);
        }
    }

    /// <summary>Councils the feed is known to hold, for "36 of 107 declared".</summary>
    public void Expect(IEnumerable<string> councilNames)
    {
        lock (_gate)
        {
            Volatile.Write(ref _book, Book.ExpectCouncils(councilNames));
        }
    }

    /// <summary>True when taking the message would post something new (used to pace replays).</summary>
    public bool WouldPost(FeedMessage message) => message switch
    {
        CouncilDeclaration => Book.Accept(message).Kind != AcceptanceKind.Stale,

        // A rush after its result is taken but posts nothing, so it must not hold a replay up.
        _ when CandidatePosts.IsCandidateMessage(message) =>
            Book.Accept(message) is { Kind: not AcceptanceKind.Stale } acceptance && CandidatePosts.For(acceptance, _candidates, time.GetUtcNow()).Any(),
        _ => false,
    };

    /// <summary>Accepts a message, storing it with the posts it makes. Throws when the store cannot be written.</summary>
    public Acceptance Take(FeedDocument document, FeedMessage message) => TakeAll([(document, message)])[0];

    /// <summary>Accepts messages in order, storing them and their posts together (all or nothing).</summary>
    public IReadOnlyList<Acceptance> TakeAll(IReadOnlyList<(FeedDocument Document, FeedMessage Message)> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            try
            {
                return TakeAllNow(messages);
            }
            catch (Exception ex) when (StoreFaults.IsStoreFailure(ex) && !StoreFaults.IsTransient(ex) && CatchUp() > 0)
            {
                // Another instance sharing the store took some of these first (the store's unique key refused them):
                // with its messages in the book they are stale here, and the rest are taken once, as before.
                logger.LogInformation("Another instance had already accepted some of these messages; read them from the store and carried on");
                return TakeAllNow(messages);
            }
        }
    }

    private List<Acceptance> TakeAllNow(IReadOnlyList<(FeedDocument Document, FeedMessage Message)> messages)
    {
        var book = Book;
        var acceptances = new List<Acceptance>(messages.Count);
        var stored = new List<AcceptedMessage>(messages.Count);
        var now = time.GetUtcNow();
        var taken = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var restored = book;
        DateTimeOffset? ReceivedOf(string key) =>
            taken.TryGetValue(key, out var at) ? at : _received.TryGetValue(key, out var before) ? before : restored.AcceptedAt(key);
        foreach (var (document, message) in messages)
        {
            var acceptance = book.Accept(message, now);
            acceptances.Add(acceptance);
            _unplaced.Check(message);
            if (acceptance.Kind == AcceptanceKind.Stale)
            {
                continue;
            }

            IReadOnlyList<QueuedPost> posts = [.. Compose(acceptance, ReceivedOf).Select(p => new QueuedPost(p, subscriptions.ChannelsFor(p)))];
            if (posts.Count > 0)
            {
                // A revision that posts nothing leaves "when our post went out" at the post that did.
                taken[message.Key] = now;
            }

            stored.Add(new AcceptedMessage(message.Key, message.Revision, document.Origin, document.Content, posts));
            book = acceptance.Book;
        }

        if (stored.Count == 0)
        {
            return acceptances;
        }

        store.AcceptAll(stored);
        Volatile.Write(ref _book, book);
        foreach (var (key, at) in taken)
        {
            _received[key] = at;
        }

        foreach (var acceptance in acceptances.Where(a => a.Kind != AcceptanceKind.Stale))
        {
            if (acceptance.Message is CouncilDeclaration)
            {
                metrics?.DeclarationAccepted();
            }
        }

        metrics?.PostsQueued(stored.Sum(m => m.Posts.Sum(p => p.Channels.Count)));
        if (stored.Any(m => m.Posts.Any(p => p.Post.Kind == PostKind.Milestone)))
        {
            ShowProgress(book);
        }

        foreach (var (message, queued) in stored.SelectMany(m => m.Posts.Select(p => (m, p))))
        {
            logger.LogDebug("{Subject} revision {Revision}: \"{Headline}\" queued for {Channels} channels", queued.Post.Subject, message.Revision, queued.Post.Headline, queued.Channels.Count);
        }

        return acceptances;
    }

    /// <param name="receivedOf">When the message now in the book under a key was taken, if known.</param>
    private IEnumerable<Post> Compose(Acceptance acceptance, Func<string, DateTimeOffset?> receivedOf)
    {
        var now = time.GetUtcNow();
        switch (acceptance.Message, acceptance.Previous)
        {
            case (CouncilDeclaration current, CouncilDeclaration previous):
                if (composer.ComposeCorrection(previous, current, acceptance.Book, now, acceptance.PreviousAt) is { } correction)
                {
                    yield return correction;
                }

                break;
            case (CouncilDeclaration current, null):
                yield return composer.Compose(current, acceptance.Book, now);
                if (milestones.ComposeFor(current, acceptance.Book) is { } milestone)
                {
                    yield return milestone;
                }

                break;
            case (NationalShare share, _):
                yield return NationalShareText.Compose(share, culture);
                break;
            case (WardResult or Referendum, _):
                if (_ballots.Compose(acceptance, now, receivedOf) is { } ballot)
                {
                    yield return ballot;
                }

                break;
            case (var message, _) when CandidatePosts.IsCandidateMessage(message):
                foreach (var post in CandidatePosts.For(acceptance, _candidates, now, receivedOf))
                {
                    yield return post;
                }

                break;
        }
    }
}
