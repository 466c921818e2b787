using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Posts;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Feeds;
using ResultsBot.Platforms;
using ResultsBot.Settings;
using ResultsBot.Slack.Posts;

namespace ResultsBot.Pipeline;

/// <summary>
/// Runs one sample declaration through the whole path before the night starts — parsing, the desk and a
/// store, a channel's worker, both platform renderers — so the first real result does not pay for
/// compiling that code (the cold first declaration was the slowest file-to-platform time in
/// bench/RESULTS.md: 252 ms, then 94 ms with only parsing and rendering warmed). Everything happens in a
/// scratch in-memory store with an outlet that sends nothing: the bot's own database and channels are not touched.
/// </summary>
internal static class Warmup
{
    private const string Platform = "warmup";

    public static async Task RunAsync(DeclarationPostComposer composer, CultureInfo culture, TimeProvider time, CancellationToken cancellationToken)
    {
        var sample = Directory.Exists(BotSettings.SampleFeedDirectory)
            ? Directory.EnumerateFiles(BotSettings.SampleFeedDirectory, "*_result_*.xml").Order(StringComparer.Ordinal).FirstOrDefault()
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
                _ = DiscordPostRenderer.Render(post).ToJsonString();
                _ = SlackPostRenderer.Render(post).ToJson("C0WARMUP").ToJsonString();
            }
        }

        using var store = Storage.SqliteResultsStore.InMemory(time);
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
