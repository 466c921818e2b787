using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Posts;
using ResultsBot.Pipeline;
using ResultsBot.Storage;

namespace ResultsBot.Tests.Pipeline;

public sealed class PostDispatcherTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 2, 0, 0, TimeSpan.Zero));
    private readonly SqliteResultsStore _store;
    private readonly RecordingSink _sink = new(new DigestPolicy(true, TimeSpan.FromSeconds(20)));
    private readonly PostDispatcher _dispatcher;

    public PostDispatcherTests()
    {
        _store = SqliteResultsStore.InMemory(_time);
        _dispatcher = new PostDispatcher(_store, [_sink], new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), _time);
    }

    [Fact]
    public async Task DeliverPending_DigestOff_SendsEachPostInOrder()
    {
        var sink = new RecordingSink(DigestPolicy.Off);
        var dispatcher = new PostDispatcher(_store, [sink], new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), _time);
        Queue("Adur", "Labour hold Adur");
        Queue("Bury", "Labour hold Bury");

        await dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], sink.Sent.Select(p => p.Headline));
        Assert.Empty(_store.PendingDeliveries(sink.Channel));
    }

    [Fact]
    public async Task DeliverPending_DeclarationsWithinWindow_OneDigestOnceTheWindowCloses()
    {
        Queue("Adur", "Labour hold Adur");
        _time.Advance(TimeSpan.FromSeconds(8));
        Queue("Bury", "Labour hold Bury");
        _time.Advance(TimeSpan.FromSeconds(8));
        Queue("Thurrock", "Reform UK gain Thurrock from Labour", "3 of 136 declared");

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Empty(_sink.Sent);

        _time.Advance(TimeSpan.FromSeconds(4));
        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        var digest = Assert.Single(_sink.Sent);
        Assert.Equal(
            "3 councils declared\nLabour hold Adur\nLabour hold Bury\nReform UK gain Thurrock from Labour\n3 of 136 declared",
            digest.ToPlainText());
        Assert.Empty(_store.PendingDeliveries(_sink.Channel));
    }

    [Fact]
    public async Task DeliverPending_DeclarationAfterTheWindow_GoesInTheNextDigest()
    {
        Queue("Adur", "Labour hold Adur");
        Queue("Bury", "Labour hold Bury");
        _time.Advance(TimeSpan.FromSeconds(21));
        Queue("Thurrock", "Reform UK gain Thurrock from Labour");

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["2 councils declared"], _sink.Sent.Select(p => p.Headline));
        Assert.Single(_store.PendingDeliveries(_sink.Channel));
    }

    [Fact]
    public async Task DeliverPending_LoneDeclaration_IsSentAsItself()
    {
        Queue("Adur", "Labour hold Adur");
        _time.Advance(TimeSpan.FromSeconds(20));

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Labour hold Adur"], _sink.Sent.Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_CorrectionBehindAnOpenDigest_WaitsAndKeepsTheOrder()
    {
        Queue("Adur", "Labour hold Adur");
        Queue("Bolton", "Correction: Bolton stays under no overall control", kind: PostKind.Correction);
        Queue("Bury", "Labour hold Bury");

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Empty(_sink.Sent);
        _time.Advance(TimeSpan.FromSeconds(20));
        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Labour hold Adur", "Correction: Bolton stays under no overall control", "Labour hold Bury"], _sink.Sent.Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_Flush_SendsTheOpenDigestAtOnce()
    {
        Queue("Adur", "Labour hold Adur");
        Queue("Bury", "Labour hold Bury");

        await _dispatcher.DeliverPendingAsync(CancellationToken.None, flush: true);

        Assert.Equal(["2 councils declared"], _sink.Sent.Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_OneChannelFailing_OthersGetEverythingAndItCatchesUpInOrderOnce()
    {
        var healthy = new RecordingSink(DigestPolicy.Off, "healthy");
        var flaky = new RecordingSink(DigestPolicy.Off, "flaky") { FailuresLeft = 2 };
        var dispatcher = new PostDispatcher(_store, [flaky, healthy], new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), _time);
        QueueFor(["flaky", "healthy"], "Adur", "Labour hold Adur");
        QueueFor(["flaky", "healthy"], "Bury", "Labour hold Bury");

        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], healthy.Sent.Select(p => p.Headline));
        Assert.Empty(flaky.Sent);

        await dispatcher.DeliverPendingAsync(CancellationToken.None); // still pausing: not even tried
        Assert.Equal(1, flaky.Attempts);

        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DeliverPendingAsync(CancellationToken.None); // tried, fails again: pause doubles
        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Empty(flaky.Sent);

        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        await dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], flaky.Sent.Select(p => p.Headline));
        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], healthy.Sent.Select(p => p.Headline));
        Assert.Empty(_store.PendingDeliveries("flaky"));
    }

    public void Dispose() => _store.Dispose();

    private void Queue(string council, string headline, string progress = "1 declared", PostKind kind = PostKind.Declaration) =>
        QueueFor([_sink.Channel], council, headline, progress, kind);

    private void QueueFor(string[] channels, string council, string headline, string progress = "1 declared", PostKind kind = PostKind.Declaration) =>
        _store.Accept($"council/{council.ToLowerInvariant()}", 1, council + ".xml", [1], [new Post(kind, "council/" + council, headline, ["Whole council up: 40 seats", progress])], channels);

    private sealed class RecordingSink(DigestPolicy digest, string channel = "test") : IPostSink
    {
        public List<Post> Sent { get; } = [];

        public int FailuresLeft { get; set; }

        public int Attempts { get; private set; }

        public string Channel => channel;

        public DigestPolicy Digest => digest;

        public Task<string?> SendAsync(PendingDelivery delivery, CancellationToken cancellationToken)
        {
            Attempts++;
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new HttpRequestException("503 Service Unavailable");
            }

            Sent.Add(delivery.Post);
            return Task.FromResult<string?>("m" + Sent.Count);
        }
    }
}
