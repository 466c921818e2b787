using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Posts;
using ResultsBot.Application.Pipeline;
using ResultsBot.Platforms;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Application.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

public sealed class PostDispatcherTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 2, 0, 0, TimeSpan.Zero));
    private readonly InMemoryResultsStore _store;
    private readonly RecordingOutlet _sink = new();
    private readonly ChannelSubscriptions _subscriptions;
    private readonly PostDispatcher _dispatcher;

    public PostDispatcherTests()
    {
        _store = new InMemoryResultsStore(_time);
        _subscriptions = new ChannelSubscriptions(_store);
        _subscriptions.Subscribe(Digested, SubscriptionFilter.Everything with { Digest = true, DigestWindow = TimeSpan.FromSeconds(20) }, "config", "test");
        _subscriptions.Subscribe("test:plain", SubscriptionFilter.Everything, "config", "test");
        _dispatcher = Dispatcher(_sink);
    }

    private const string Digested = "test:digest";

    [Fact]
    public async Task DeliverPending_DigestOff_SendsEachPostInOrder()
    {
        QueueFor(["test:plain"], "Adur", "Labour hold Adur");
        QueueFor(["test:plain"], "Bury", "Labour hold Bury");

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], _sink.SentTo("plain").Select(p => p.Headline));
        Assert.Empty(_store.PendingDeliveries("test:plain"));
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
        Assert.Empty(_sink.SentTo("digest"));

        _time.Advance(TimeSpan.FromSeconds(4));
        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        var digest = Assert.Single(_sink.SentTo("digest"));
        Assert.Equal(
            "3 councils declared\nLabour hold Adur\nLabour hold Bury\nReform UK gain Thurrock from Labour\n3 of 136 declared",
            digest.ToPlainText());
        Assert.Empty(_store.PendingDeliveries(Digested));
    }

    [Fact]
    public async Task Kick_NothingElseArrives_TheDigestGoesOutWhenItsWindowCloses()
    {
        // Three declarations arrive together and then nothing: no later poll (the feed may be down, or
        // polled rarely) must be needed for the digest to go out.
        Queue("Adur", "Labour hold Adur");
        Queue("Bury", "Labour hold Bury");
        Queue("Thurrock", "Reform UK gain Thurrock from Labour", "3 of 136 declared");
        await _dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Empty(_sink.SentTo("digest"));

        _time.Advance(TimeSpan.FromSeconds(20));

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_sink.SentTo("digest").Count == 0 && !patience.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        Assert.Equal(["3 councils declared"], _sink.SentTo("digest").Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_DeclarationAfterTheWindow_GoesInTheNextDigest()
    {
        Queue("Adur", "Labour hold Adur");
        Queue("Bury", "Labour hold Bury");
        _time.Advance(TimeSpan.FromSeconds(21));
        Queue("Thurrock", "Reform UK gain Thurrock from Labour");

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["2 councils declared"], _sink.SentTo("digest").Select(p => p.Headline));
        Assert.Single(_store.PendingDeliveries(Digested));
    }

    [Fact]
    public async Task DeliverPending_LoneDeclaration_IsSentAsItself()
    {
        Queue("Adur", "Labour hold Adur");
        _time.Advance(TimeSpan.FromSeconds(20));

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Labour hold Adur"], _sink.SentTo("digest").Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_CorrectionBehindAnOpenDigest_WaitsAndKeepsTheOrder()
    {
        Queue("Adur", "Labour hold Adur");
        Queue("Bolton", "Correction: Bolton stays under no overall control", kind: PostKind.Correction);
        Queue("Bury", "Labour hold Bury");

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Empty(_sink.SentTo("digest"));
        _time.Advance(TimeSpan.FromSeconds(20));
        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Labour hold Adur", "Correction: Bolton stays under no overall control", "Labour hold Bury"], _sink.SentTo("digest").Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_CorrectionQueuedBehindItsOriginal_EditsTheOriginalThatJustWentOut()
    {
        // After an outage the original and its correction wait together; the original goes out first.
        QueueFor(["test:plain"], "Bury", "Labour hold Bury");
        _store.Accept("council/bury", 2, "Bury_2.xml", [2], [new Post(PostKind.Correction, "council/Bury", "Correction: Labour lose Bury to no overall control", ["Revision 2 corrects the earlier result."])], ["test:plain"]);

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        var correction = Assert.Single(_sink.Attempts, a => a.Post.Kind == PostKind.Correction);
        Assert.Equal("m1", correction.OriginalMessageId);
        Assert.Equal(["Labour hold Bury", "Correction: Labour lose Bury to no overall control"], _sink.SentTo("plain").Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_CorrectionOfAPostThatWentOutInADigest_EditsTheDigestWithItsLineCorrected()
    {
        Queue("Adur", "Labour hold Adur");
        Queue("Bury", "Labour hold Bury");
        _time.Advance(TimeSpan.FromSeconds(20));
        await _dispatcher.DeliverPendingAsync(CancellationToken.None);
        _store.Accept("council/bury", 2, "Bury_2.xml", [2], [new Post(PostKind.Correction, "council/Bury", "Correction: Labour lose Bury to no overall control", ["Revision 2 corrects the earlier result."])], [Digested]);

        await _dispatcher.DeliverPendingAsync(CancellationToken.None);

        var correction = Assert.Single(_sink.Attempts, a => a.Post.Kind == PostKind.Correction);
        Assert.Equal("m1", correction.OriginalMessageId);
        Assert.Equal("2 councils declared\nLabour hold Adur\nCorrection: Labour lose Bury to no overall control\n1 declared", correction.Replacement?.ToPlainText());
    }

    [Fact]
    public async Task DeliverPending_Flush_SendsTheOpenDigestAtOnce()
    {
        Queue("Adur", "Labour hold Adur");
        Queue("Bury", "Labour hold Bury");

        await _dispatcher.DeliverPendingAsync(CancellationToken.None, flush: true);

        Assert.Equal(["2 councils declared"], _sink.SentTo("digest").Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_OneChannelFailing_OthersGetEverythingAndItCatchesUpInOrderOnce()
    {
        var outlet = new RecordingOutlet { FailuresLeft = { ["flaky"] = 2 } };
        var dispatcher = Dispatcher(outlet);
        QueueFor(["test:flaky", "test:healthy"], "Adur", "Labour hold Adur");
        QueueFor(["test:flaky", "test:healthy"], "Bury", "Labour hold Bury");

        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], outlet.SentTo("healthy").Select(p => p.Headline));
        Assert.Empty(outlet.SentTo("flaky"));

        await dispatcher.DeliverPendingAsync(CancellationToken.None); // still pausing: not even tried
        Assert.Equal(1, outlet.AttemptsAt("flaky"));

        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DeliverPendingAsync(CancellationToken.None); // tried, fails again: pause doubles
        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Empty(outlet.SentTo("flaky"));

        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        await dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], outlet.SentTo("flaky").Select(p => p.Headline));
        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], outlet.SentTo("healthy").Select(p => p.Headline));
        Assert.Empty(_store.PendingDeliveries("test:flaky"));
    }

    [Fact]
    public async Task DeliverPending_ChannelGone_IsPausedReportedAndTheOthersCarryOn()
    {
        var outlet = new RecordingOutlet { Gone = { "deleted" } };
        _subscriptions.Subscribe("test:deleted", SubscriptionFilter.Everything, "config", "test");
        _subscriptions.Subscribe("test:ops", SubscriptionFilter.Everything, "config", "test");
        var dispatcher = Dispatcher(outlet, new FeedAlertPolicy("test:ops", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        QueueFor(["test:deleted", "test:healthy"], "Adur", "Labour hold Adur");

        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(1, outlet.AttemptsAt("deleted")); // paused at once: never tried again
        Assert.Equal("Unknown Channel", _subscriptions.Find("test:deleted")!.PausedReason);
        Assert.Equal(["Labour hold Adur"], outlet.SentTo("healthy").Select(p => p.Headline));
        var alert = Assert.Single(outlet.SentTo("ops"));
        Assert.Equal("Channel test:deleted paused", alert.Headline);
        Assert.Single(_store.PendingDeliveries("test:deleted")); // kept for when it comes back
        Assert.DoesNotContain("test:deleted", _store.ChannelsWithPending());
    }

    [Fact]
    public async Task DeliverPending_PostRefused_IsSettledAndTheChannelGoesOn()
    {
        var outlet = new RecordingOutlet { Refuse = { "Labour hold Adur" } };
        var dispatcher = Dispatcher(outlet);
        QueueFor(["test:plain"], "Adur", "Labour hold Adur");
        QueueFor(["test:plain"], "Bury", "Labour hold Bury");

        await dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Labour hold Bury"], outlet.SentTo("plain").Select(p => p.Headline));
        Assert.Empty(_store.PendingDeliveries("test:plain"));
    }

    [Fact]
    public async Task DeliverPending_SlowChannel_DoesNotHoldUpTheOthers()
    {
        var outlet = new RecordingOutlet();
        var release = new TaskCompletionSource();
        outlet.Hold["slow"] = release.Task;
        var dispatcher = Dispatcher(outlet);
        QueueFor(["test:slow", "test:fast"], "Adur", "Labour hold Adur");
        QueueFor(["test:slow", "test:fast"], "Bury", "Labour hold Bury");

        dispatcher.Kick(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (outlet.SentTo("fast").Count < 2 && !deadline.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], outlet.SentTo("fast").Select(p => p.Headline));
        Assert.Empty(outlet.SentTo("slow"));
        release.SetResult();
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], outlet.SentTo("slow").Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_AfterAFailedAttempt_TheResendSaysItMayAlreadyBeThere()
    {
        var outlet = new RecordingOutlet { FailuresLeft = { ["plain"] = 1 } };
        var dispatcher = Dispatcher(outlet);
        QueueFor(["test:plain"], "Adur", "Labour hold Adur");

        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal([false, true], outlet.Attempts.Where(a => a.ChannelId == "plain").Select(a => a.Attempted));
        Assert.Single(outlet.Attempts.Select(a => a.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task DeliverPending_PlatformFailingLongerThanThePolicy_OperationsHearOfTheOutageAndTheRecovery()
    {
        var failing = new RecordingOutlet("down") { FailuresLeft = { ["news"] = 4 } };
        var healthy = new RecordingOutlet();
        var policy = new FeedAlertPolicy("test:ops", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30));
        _subscriptions.Subscribe("test:ops", SubscriptionFilter.Everything, "config", "test");
        var dispatcher = new PostDispatcher(
            _store, [failing, healthy], _subscriptions, new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), _time,
            operations: policy, outages: new PlatformOutages(policy, _time, CultureInfo.GetCultureInfo("en-GB")));
        QueueFor(["down:news"], "Adur", "Labour hold Adur");

        for (var i = 0; i < 6; i++)
        {
            await dispatcher.DeliverPendingAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(4));
        }

        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Equal(["Labour hold Adur"], failing.SentTo("news").Select(p => p.Headline));
        Assert.Equal(
            ["down problem: posts cannot be delivered (8 seconds)", "down back: posts are going out again after 20 seconds"],
            healthy.SentTo("ops").Select(p => p.Headline));
    }

    [Fact]
    public async Task DeliverPending_ChannelHandedOnMidSend_TheSendIsCancelledAndNothingAfterItIsSentOrMarked()
    {
        // This instance delivers test:plain only; test:other is another instance's.
        using var coordination = new SomeChannelsHere("test:plain");
        var dispatcher = new PostDispatcher(_store, [_sink], _subscriptions, new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), _time, coordination: coordination);
        var release = new TaskCompletionSource();
        _sink.Hold["plain"] = release.Task;
        QueueFor(["test:plain", "test:other"], "Adur", "Labour hold Adur");
        QueueFor(["test:plain", "test:other"], "Bury", "Labour hold Bury");

        var delivering = dispatcher.DeliverPendingAsync(CancellationToken.None);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_sink.AttemptsAt("plain") == 0 && !patience.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        // The partition is handed on while Adur is in flight.
        coordination.HandOnAll();
        release.SetResult();
        Assert.Equal(0, await delivering);

        Assert.Empty(_sink.SentTo("plain"));
        Assert.Equal(1, _sink.AttemptsAt("plain"));
        // Adur is marked attempted, so the next holder looks for it before sending it; Bury was never begun.
        Assert.Equal([true, false], _store.PendingDeliveries("test:plain").Select(d => d.Attempted));
        Assert.Equal(0, _sink.AttemptsAt("other"));
        Assert.Equal([false, false], _store.PendingDeliveries("test:other").Select(d => d.Attempted));
    }

    [Fact]
    public async Task Kick_ChannelsAnotherInstanceDelivers_AreLeftToIt()
    {
        using var coordination = new SomeChannelsHere("test:plain");
        var dispatcher = new PostDispatcher(_store, [_sink], _subscriptions, new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), _time, coordination: coordination);
        QueueFor(["test:plain", "test:other"], "Adur", "Labour hold Adur");

        dispatcher.Kick(CancellationToken.None);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_sink.SentTo("plain").Count == 0 && !patience.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        Assert.Equal(["Labour hold Adur"], _sink.SentTo("plain").Select(p => p.Headline));
        Assert.Equal(0, _sink.AttemptsAt("other"));
        Assert.Single(_store.PendingDeliveries("test:other"));
        Assert.Equal(1, coordination.Turns); // the other channel's worker was never started
    }

    public void Dispose() => _store.Dispose();

    private PostDispatcher Dispatcher(RecordingOutlet outlet, FeedAlertPolicy? operations = null) =>
        new(_store, [outlet], _subscriptions, new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), _time, operations: operations);

    private void Queue(string council, string headline, string progress = "1 declared", PostKind kind = PostKind.Declaration) =>
        QueueFor([Digested], council, headline, progress, kind);

    private void QueueFor(string[] channels, string council, string headline, string progress = "1 declared", PostKind kind = PostKind.Declaration) =>
        _store.Accept($"council/{council.ToLowerInvariant()}", 1, council + ".xml", [1], [new Post(kind, "council/" + council, headline, ["Whole council up: 40 seats", progress])], channels);

    /// <summary>A platform "test" whose channels can be told to fail, be gone, refuse a post or hang.</summary>
    private sealed class RecordingOutlet(string platform = "test") : IPlatformOutlet
    {
        private readonly Lock _gate = new();
        private readonly List<OutgoingPost> _sent = [];
        private readonly List<OutgoingPost> _attempts = [];

        public Dictionary<string, int> FailuresLeft { get; } = [];

        public HashSet<string> Gone { get; } = [];

        public HashSet<string> Refuse { get; } = [];

        public Dictionary<string, Task> Hold { get; } = [];

        public string Platform => platform;

        public IReadOnlyList<OutgoingPost> Attempts
        {
            get
            {
                lock (_gate)
                {
                    return [.. _attempts];
                }
            }
        }

        public IReadOnlyList<Post> SentTo(string channel)
        {
            lock (_gate)
            {
                return [.. _sent.Where(p => p.ChannelId == channel).Select(p => p.Post)];
            }
        }

        public int AttemptsAt(string channel) => Attempts.Count(a => a.ChannelId == channel);

        public async Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _attempts.Add(post);
            }

            if (Hold.TryGetValue(post.ChannelId, out var hold))
            {
                await hold.WaitAsync(cancellationToken); // as a real send, it can be cancelled mid-flight
            }

            lock (_gate)
            {
                if (FailuresLeft.TryGetValue(post.ChannelId, out var left) && left > 0)
                {
                    FailuresLeft[post.ChannelId] = left - 1;
                    throw new HttpRequestException("503 Service Unavailable");
                }

                if (Gone.Contains(post.ChannelId))
                {
                    throw new ChannelGoneException("Unknown Channel");
                }

                if (Refuse.Contains(post.Post.Headline))
                {
                    throw new PostRejectedException("Invalid Form Body");
                }

                _sent.Add(post);
                return "m" + _sent.Count;
            }
        }
    }
}
