using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Domain.Posts;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Sources;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Terminal;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

public sealed class FeedProcessorTests
{
    [Fact]
    public async Task RunAsync_UnexpectedFailure_CarriesOnAndPostsWhatComesNext()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        using var store = new InMemoryResultsStore(TimeProvider.System);
        var output = new StringWriter();
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("console", Domain.Subscriptions.SubscriptionFilter.Everything, "config", "test");
        var dispatcher = new PostDispatcher(store, [new ConsolePostSink(TextWriter.Synchronized(output))], subscriptions, new DigestComposer(culture), TimeProvider.System);
        var desk = new ResultsDesk(store, new DeclarationPostComposer(culture), new MilestoneComposer(culture), subscriptions, TimeProvider.System, culture, NullLogger<ResultsDesk>.Instance);
        var source = new StumblingSource(Paths.SharedFeedFile("Local_Test_result_Thurrock_1.xml"));
        var processor = new FeedProcessor(source, desk, dispatcher, new ProblemReporter(NullLogger<ProblemReporter>.Instance), TimeProvider.System, NullLogger<FeedProcessor>.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var running = processor.RunAsync(TimeSpan.FromMilliseconds(50), ProcessingMode.Live, ProcessingMode.Live, stop.Token);
        while (!output.ToString().Contains("Reform UK gain Thurrock", StringComparison.Ordinal) && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        stop.Cancel();
        await running;
        Assert.Contains("Reform UK gain Thurrock from Labour", output.ToString(), StringComparison.Ordinal);
        Assert.True(source.Polls >= 2);
    }

    [Fact]
    public async Task ProcessAsync_StoppedPartWay_OffersAgainEveryDocumentNotYetAcceptedAndNoOther()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero));
        using var store = new InMemoryResultsStore(time);
        var subscriptions = new ChannelSubscriptions(store);
        var dispatcher = new PostDispatcher(store, [], subscriptions, new DigestComposer(culture), time);
        var desk = new ResultsDesk(store, new DeclarationPostComposer(culture), new MilestoneComposer(culture), subscriptions, time, culture, NullLogger<ResultsDesk>.Instance);
        var source = new RecordingSource();
        var processor = new FeedProcessor(source, desk, dispatcher, new ProblemReporter(NullLogger<ProblemReporter>.Instance), time, NullLogger<FeedProcessor>.Instance);
        FeedDocument[] documents = [.. new[] { "Adur", "Barnet", "Bexley" }.Select(c => new FeedDocument(c, File.ReadAllBytes(Paths.SharedFeedFile($"Local_Test_result_{c}_1.xml"))))];
        using var stop = new CancellationTokenSource();

        // Paced as a replay: the first is taken at once, the second waits a minute of fake time, when the bot is stopped.
        var processing = processor.ProcessAsync(documents, new ProcessingMode(false, false, new ReplayPacer(1, time)), stop.Token);
        while (desk.Book.DeclaredCount < 1)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processing);

        Assert.Equal(["Barnet", "Bexley"], source.Reoffered.Order(StringComparer.Ordinal));
        Assert.Equal(1, desk.Book.DeclaredCount);
    }

    [Fact]
    public async Task ProcessOnceAsync_OneListedFileStalls_PostsTheFilesThatDidArriveAndMarksTheFeedStuck()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero));
        using var store = new InMemoryResultsStore(time);
        var output = new StringWriter();
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("console", Domain.Subscriptions.SubscriptionFilter.Everything, "config", "test");
        var dispatcher = new PostDispatcher(store, [new ConsolePostSink(TextWriter.Synchronized(output))], subscriptions, new DigestComposer(culture), time);
        var desk = new ResultsDesk(store, new DeclarationPostComposer(culture), new MilestoneComposer(culture), subscriptions, time, culture, NullLogger<ResultsDesk>.Instance);
        var health = new FeedHealth(time);
        var adur = new FeedDocument("http://feed/Adur_1.xml", File.ReadAllBytes(Paths.SharedFeedFile("Local_Test_result_Adur_1.xml")));
        var source = new PartlyStalledSource(new FeedSourceException("http://feed/Bolton_1.xml stalled: its answer was not complete within 20 s", stalled: true) { Partial = [adur] });
        var processor = new FeedProcessor(source, desk, dispatcher, new ProblemReporter(NullLogger<ProblemReporter>.Instance), time, NullLogger<FeedProcessor>.Instance, health);

        await Assert.ThrowsAsync<FeedSourceException>(() => processor.ProcessOnceAsync(ProcessingMode.Live, CancellationToken.None));
        await dispatcher.DeliverPendingAsync(CancellationToken.None, flush: true);

        Assert.Equal(["Labour hold Adur"], Posts.Headlines(output.ToString()));
        Assert.Equal("stuck: http://feed/Bolton_1.xml stalled: its answer was not complete within 20 s", health.Snapshot().Readiness(time.GetUtcNow(), TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task ProcessAsync_AcceptingOneDocumentThrowsWhatNoCheckForesaw_RefusesThatDocumentAloneAndPostsTheRest()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        using var store = new InMemoryResultsStore(TimeProvider.System);
        var output = new StringWriter();
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("console", Domain.Subscriptions.SubscriptionFilter.Everything, "config", "test");
        var dispatcher = new PostDispatcher(store, [new ConsolePostSink(TextWriter.Synchronized(output))], subscriptions, new DigestComposer(culture), TimeProvider.System);

        // The desk reads its clock once per batch it takes and once per message it composes posts for: Barnet's
        // reading is the 3rd when the poll is taken together and the 7th when, after that failed, it is taken
        // one message at a time (Adur 4 and 5, Barnet 6 and 7).
        var desk = new ResultsDesk(store, new DeclarationPostComposer(culture), new MilestoneComposer(culture), subscriptions, new FailingReadsClock(3, 7), culture, NullLogger<ResultsDesk>.Instance);
        var problems = new RecordingLogger<ProblemReporter>();
        var source = new RecordingSource();
        var processor = new FeedProcessor(source, desk, dispatcher, new ProblemReporter(problems), TimeProvider.System, NullLogger<FeedProcessor>.Instance);
        FeedDocument[] documents = [.. new[] { "Adur", "Barnet", "Bexley" }.Select(c => new FeedDocument($"{c}.xml", File.ReadAllBytes(Paths.SharedFeedFile($"Local_Test_result_{c}_1.xml"))))];

        await processor.ProcessAsync(documents, new ProcessingMode(false, false, null), CancellationToken.None);
        await dispatcher.DeliverPendingAsync(CancellationToken.None, flush: true);

        Assert.Equal(["Labour hold Adur", "Conservatives lose Bexley to no overall control"], Posts.Headlines(output.ToString()).Select(h => h.Split(" (", 2)[0]));
        Assert.Equal(["Skipped Barnet.xml: it could not be accepted (InvalidOperationException: the clock failed)"], problems.Lines);
        Assert.Empty(source.Reoffered); // refused, not offered again and again
    }

    /// <summary>A clock whose chosen readings fail: an exception from deep inside accepting a message that no check foresaw.</summary>
    private sealed class FailingReadsClock(params int[] failingReadings) : TimeProvider
    {
        private int _readings;

        public override DateTimeOffset GetUtcNow() =>
            failingReadings.Contains(Interlocked.Increment(ref _readings)) ? throw new InvalidOperationException("the clock failed") : System.GetUtcNow();
    }

    private sealed class PartlyStalledSource(FeedSourceException failure) : IFeedSource
    {
        public string Description => "http://feed/";

        public Task<IReadOnlyList<FeedDocument>> PollAsync(CancellationToken cancellationToken) => throw failure;

        public void Reoffer(FeedDocument document)
        {
        }
    }

    private sealed class RecordingSource : IFeedSource
    {
        public List<string> Reoffered { get; } = [];

        public string Description => "recording";

        public Task<IReadOnlyList<FeedDocument>> PollAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FeedDocument>>([]);

        public void Reoffer(FeedDocument document) => Reoffered.Add(document.Origin);
    }

    /// <summary>Throws something no one planned for on its first poll, then behaves.</summary>
    private sealed class StumblingSource(string file) : IFeedSource
    {
        public int Polls { get; private set; }

        public string Description => file;

        public Task<IReadOnlyList<FeedDocument>> PollAsync(CancellationToken cancellationToken)
        {
            Polls++;
            return Polls switch
            {
                1 => throw new InvalidOperationException("a bug nobody planned for"),
                2 => Task.FromResult<IReadOnlyList<FeedDocument>>([new FeedDocument(file, File.ReadAllBytes(file))]),
                _ => Task.FromResult<IReadOnlyList<FeedDocument>>([]),
            };
        }

        public void Reoffer(FeedDocument document)
        {
        }
    }
}
