using System.Collections.Concurrent;
using System.Globalization;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Feeds;
using ResultsBot.Platforms;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Fuzzing;

/// <summary>
/// Thousands of hostile PA and Democracy Club files through the real parser and ingest. CsCheck prints the
/// seed of any failing case ("set seed ... to reproduce"); each run's summary, seed included, goes to the test
/// output, and CsCheck_Seed=... in the environment replays one.
/// </summary>
public sealed class FeedFuzzTests(ITestOutputHelper output)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Every PA test file and Democracy Club page, as the good material hostile files are made from.</summary>
    private static readonly Lazy<(string Name, byte[] Content)[]> Originals = new(() =>
    [
        .. Directory.GetFiles(Paths.SharedFeeds, "*.xml").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))),
        .. Directory.GetFiles(Path.Combine(Paths.RepoRoot, "tests", "fixtures", "democracy-club"), "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))),
        .. Directory.GetFiles(Path.Combine(Paths.RepoRoot, "tests", "fixtures", "referendums"), "*.xml").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))),
    ]);

    /// <summary>Councils with a single revision in the test feed: each posts exactly one declaration when good.</summary>
    private static readonly Lazy<(string Council, byte[] Content)[]> GoodResults = new(() =>
    [
        .. Originals.Value
            .Where(o => o.Name.StartsWith("Local_Test_result_", StringComparison.Ordinal) && o.Name.EndsWith("_1.xml", StringComparison.Ordinal))
            .Where(o => !Originals.Value.Any(other => other.Name == o.Name.Replace("_1.xml", "_2.xml", StringComparison.Ordinal)))
            .Select(o => (o.Name["Local_Test_result_".Length..^"_1.xml".Length], o.Content)),
    ]);

    [Fact]
    public void Parse_ThousandsOfHostileFiles_NeverThrowsAndEveryRefusalHasAReason()
    {
        var originals = Originals.Value;
        Gen.Select(Gen.Int[0, originals.Length - 1], Gen.Int).Sample(
            (index, seed) =>
            {
                var hostile = HostileFiles.Mutate(originals[index].Content, seed);
                var outcome = FeedParser.Parse(hostile, "hostile.xml");
                if (outcome.IsBad)
                {
                    Assert.Empty(outcome.Messages);
                    Assert.False(string.IsNullOrWhiteSpace(outcome.Problem));
                }
            },
            writeLine: output.WriteLine,
            iter: 8_000,
            print: c => $"{originals[c.Item1].Name} mutated with seed {c.Item2}");
    }

    [Fact]
    public void Ingest_FolderMixingGoodAndHostileFiles_PostsEveryGoodCouncilExactlyOnceAndNamesEachBadFileOnce()
    {
        var originals = Originals.Value;
        var good = GoodResults.Value;
        var hostileBases = originals.Where(o => !good.Any(g => o.Name == $"Local_Test_result_{g.Council}_1.xml")).ToArray();
        var cases =
            from goodPicks in Gen.Int[0, good.Length - 1].HashSet[1, 8]
            from hostile in Gen.Select(Gen.Int[0, hostileBases.Length - 1], Gen.Int).Array[1, 8]
            from order in Gen.Int.Array[goodPicks.Count + hostile.Length]
            select (Good: goodPicks.Order().ToArray(), Hostile: hostile, Order: order);

        cases.Sample(
            c =>
            {
                var documents = c.Good.Select(i => new FeedDocument($"good-{good[i].Council}.xml", good[i].Content))
                    .Concat(c.Hostile.Select((h, n) => new FeedDocument($"hostile-{n}.xml", HostileFiles.Mutate(hostileBases[h.Item1].Content, h.Item2))))
                    .Zip(c.Order)
                    .OrderBy(x => x.Second)
                    .Select((x, n) => x.First with { Sequence = n + 1 })
                    .ToList();
                IngestAndCheck(documents, [.. c.Good.Select(i => good[i].Council)]);
            },
            writeLine: output.WriteLine,
            iter: 150,
            print: c => $"good {string.Join(", ", c.Good.Select(i => good[i].Council))}; hostile {string.Join(", ", c.Hostile.Select(h => $"{hostileBases[h.Item1].Name}@{h.Item2}"))}");
    }

    /// <summary>Takes the documents as one poll, then again after a restart on the same store: no exception escapes, each good council is posted once, each bad file is named once.</summary>
    private static void IngestAndCheck(IReadOnlyList<FeedDocument> documents, IReadOnlyList<string> goodCouncils)
    {
        using var store = SqliteResultsStore.InMemory(TimeProvider.System);
        var outlet = new RecordingOutlet();
        var runs = new List<RecordingLogger<ProblemReporter>>();
        for (var run = 0; run < 2; run++)
        {
            var problems = new RecordingLogger<ProblemReporter>();
            runs.Add(problems);
            // A new desk each run, restored from the store, as a restarted bot is.
            var subscriptions = new ChannelSubscriptions(store);
            subscriptions.Subscribe("fuzz:1", SubscriptionFilter.Everything with { Wards = true }, "config", "test");
            var desk = new ResultsDesk(store, new DeclarationPostComposer(EnGb), new MilestoneComposer(EnGb), subscriptions, TimeProvider.System, EnGb, NullLogger<ResultsDesk>.Instance);
            desk.Restore();
            var dispatcher = new PostDispatcher(store, [outlet], subscriptions, new DigestComposer(EnGb), TimeProvider.System);
            var processor = new FeedProcessor(new FixedSource(), desk, dispatcher, new ProblemReporter(problems), TimeProvider.System, NullLogger<FeedProcessor>.Instance);

            processor.ProcessAsync(documents, new ProcessingMode(ExpectWholeFeed: false, SettleBadFiles: false, null), CancellationToken.None).GetAwaiter().GetResult();
            dispatcher.DeliverPendingAsync(CancellationToken.None, flush: true).GetAwaiter().GetResult();
        }

        var declarations = outlet.Posts.Where(p => p.Kind == PostKind.Declaration).Select(p => p.Headline).ToList();
        foreach (var council in goodCouncils)
        {
            var name = council.Replace("___", " & ", StringComparison.Ordinal).Replace('_', ' ');
            var posted = outlet.Posts.Count(p => p.Kind == PostKind.Declaration && p.Subject == DeclarationKey(documents, council));
            Assert.True(posted == 1, $"{name} was posted {posted} times; declarations: {string.Join(" | ", declarations)}");
        }

        // Each run (the first start and the restart) names each bad file once, and no good one.
        foreach (var (problems, document) in runs.SelectMany(r => documents.Select(d => (r, d))))
        {
            var bad = FeedParser.Parse(document.Content, document.Origin).IsBad;
            var named = problems.Lines.Count(l => l.StartsWith($"Skipped {document.Origin}: ", StringComparison.Ordinal));
            Assert.True(named == (bad ? 1 : 0), $"{document.Origin} was named {named} times (bad: {bad}); log: {string.Join(" | ", problems.Lines)}");
        }
    }

    private static string DeclarationKey(IReadOnlyList<FeedDocument> documents, string council) =>
        FeedParser.Parse(documents.First(d => d.Origin == $"good-{council}.xml").Content).Messages.Single().Key;

    private sealed class RecordingOutlet : IPlatformOutlet
    {
        private readonly ConcurrentQueue<Post> _posts = new();

        public IReadOnlyList<Post> Posts => [.. _posts];

        public string Platform => "fuzz";

        public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
        {
            _posts.Enqueue(post.Post);
            return Task.FromResult<string?>("m" + post.DeliveryId.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Documents are handed to the processor directly; nothing is re-offered by a source here.</summary>
    private sealed class FixedSource : Feeds.Sources.IFeedSource
    {
        public string Description => "fuzz";

        public Task<IReadOnlyList<FeedDocument>> PollAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FeedDocument>>([]);

        public void Reoffer(FeedDocument document)
        {
        }
    }
}
