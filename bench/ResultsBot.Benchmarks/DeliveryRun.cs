using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord;
using ResultsBot.Discord.Rest;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;

namespace ResultsBot.Benchmarks;

/// <summary>
/// One declaration fanned out to many Discord channels through the bot's real delivery path (SQLite
/// outbox, per-channel workers, the rate-limited REST client) against the fake, which enforces
/// Discord's published limits (50 requests/s global, 5 per 5 s per channel). Reports the queue time,
/// the delivery time, the minimum the limits allow, and the 429s served.
/// </summary>
internal static class DeliveryRun
{
    private const string Token = "bench-token";

    public static async Task<int> RunAsync(int channels, string? bodyFile = null)
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var discord = new FakeDiscordRest(Token);
        await using var server = await FakeServer.StartAsync(discord);
        var directory = Path.Combine(Path.GetTempPath(), "resultsbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var store = SqliteResultsStore.Open($"Data Source={Path.Combine(directory, "delivery.db")}", TimeProvider.System);
        var subscriptions = new ChannelSubscriptions(store);
        var ids = Enumerable.Range(0, channels).Select(i => (100_000_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            subscriptions.Subscribe("discord:" + id, SubscriptionFilter.Everything, "config", "bench");
        }

        var options = new DiscordOptions(Token, "1", null, DiscordMode.Gateway, [], null, new Uri(server.BaseUrl, "/api"), null);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var outlet = new DiscordOutlet(new DiscordRestClient(http, options));
        var dispatcher = new PostDispatcher(store, [outlet], subscriptions, new DigestComposer(culture), TimeProvider.System, NullLogger<PostDispatcher>.Instance);
        var book = SampleNight.Load();
        var post = new DeclarationPostComposer(culture).Compose(book.DeclarationFor("thurrock")!, book);

        var queue = Stopwatch.StartNew();
        store.Accept(new QueuedPost[] { new(post, subscriptions.ChannelsFor(post)) } is var queued ? "council/thurrock" : "", 1, "Thurrock.xml", [1], queued);
        queue.Stop();
        var deliver = Stopwatch.StartNew();
        var sent = await dispatcher.DeliverPendingAsync(CancellationToken.None);
        deliver.Stop();

        // 50 a second, the first 50 at once: the last of N goes out no sooner than (ceil(N/50) - 1) seconds in.
        var minimum = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling(channels / 50.0) - 1));
        var landed = ids.Count(id => discord.MessagesIn(id).Count == 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"channels {channels}: queued in {queue.Elapsed.TotalMilliseconds:F0} ms; delivered {sent} (landed once: {landed}) in {deliver.Elapsed.TotalSeconds:F2} s; minimum the limits allow {minimum.TotalSeconds:F2} s; ratio {deliver.Elapsed.TotalSeconds / Math.Max(1, minimum.TotalSeconds):F3}; 429s served {discord.RateLimitedCount}"));
        Console.WriteLine("result " + new System.Text.Json.Nodes.JsonObject
        {
            ["channels"] = channels,
            ["queueMs"] = queue.Elapsed.TotalMilliseconds,
            ["deliverySeconds"] = deliver.Elapsed.TotalSeconds,
            ["minimumSeconds"] = minimum.TotalSeconds,
            ["landedOnce"] = landed,
            ["rateLimited"] = discord.RateLimitedCount,
        }.ToJsonString());
        if (bodyFile is not null && discord.MessagesIn(ids[0]) is [var first, ..])
        {
            // What the bot sent, for the @discordjs/rest contender to post the same bodies.
            var body = new System.Text.Json.Nodes.JsonObject { ["content"] = first.Content, ["embeds"] = first.Embeds.DeepClone() };
            await File.WriteAllTextAsync(bodyFile, body.ToJsonString());
        }

        Directory.Delete(directory, recursive: true);
        return landed == channels && discord.RateLimitedCount == 0 ? 0 : 1;
    }
}
