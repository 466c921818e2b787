using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Feeds;
using ResultsBot.Platforms;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Runs one sample declaration through the whole path before the night starts — parsing, the desk and a
/// store, a channel's worker, each platform's renderer — so the first real result does not pay for
/// compiling that code (the cold first declaration was the slowest file-to-platform time in
/// bench/RESULTS.md: 252 ms, then 94 ms with only parsing and rendering warmed). Everything happens in a
/// scratch store with an outlet that sends nothing: the bot's own database and channels are not touched.
/// </summary>
public sealed class Warmup(
    DeclarationPostComposer composer,
    CultureInfo culture,
    TimeProvider time,
    IEnumerable<IPlatformWarmup> platforms,
    ScratchStore? scratch = null)
{
    private const string Platform = "warmup";

    /// <param name="sampleDirectory">The bundled sample, whose first result file is the warm-up's declaration; absent, nothing is warmed.</param>
    public async Task RunAsync(string sampleDirectory, CancellationToken cancellationToken)
    {
        var sample = Directory.Exists(sampleDirectory)
            ? Directory.EnumerateFiles(sampleDirectory, "*_result_*.xml").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (sample is null)
        {
            return;
        }

        var document = new FeedDocument(Path.GetFileName(sample), await File.ReadAllBytesAsync(sample, cancellationToken));
        var parsed = FeedParser.Parse(document.Content, document.Origin);
        var book = ResultsBook.Empty;
        foreach (var message in parsed.Messages)
        {
            book = book.Accept(message).Book;
            if (message is Domain.Messages.CouncilDeclaration declaration)
            {
                var post = composer.Compose(declaration, book, time.GetUtcNow());
                foreach (var platform in platforms)
                {
                    platform.Render(post);
                }
            }
        }

        using var store = (scratch ?? (t => new InMemoryResultsStore(t)))(time);
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe(new ChannelAddress(Platform, "1").ToString(), SubscriptionFilter.Everything, "warm-up", "warm-up");
        var desk = new ResultsDesk(store, composer, new MilestoneComposer(culture), subscriptions, time, culture, NullLogger<ResultsDesk>.Instance);
        var dispatcher = new PostDispatcher(store, [new DiscardingOutlet()], subscriptions, new DigestComposer(culture), time);
        desk.TakeAll([.. parsed.Messages.Select(m => (document, m))]);
        await dispatcher.DeliverPendingAsync(cancellationToken, flush: true);
    }

    private sealed class DiscardingOutlet : IPlatformOutlet
    {
        public string Platform => Warmup.Platform;

        public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken) => Task.FromResult<string?>("warm");
    }
}
