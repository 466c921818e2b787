using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Application.Operations;
using ResultsBot.Application.Pipeline;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Operations;

/// <summary>An adapter's alert (Discord's 4011) queued for the operations channel and delivered like any alert.</summary>
public sealed class OperationsChannelTests : IDisposable
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Tell_OperationsChannelSet_DeliversTheAlertThere()
    {
        using var store = SqliteResultsStore.Open("Data Source=" + _dir.File("bot.db"), _time);
        var outlet = new Outlet();
        var dispatcher = new PostDispatcher(store, [outlet], new ChannelSubscriptions(store), new DigestComposer(Culture), _time);
        var operations = new OperationsChannel(store, FeedAlertPolicy.Default with { Channel = "discord:1009" }, dispatcher, new Lifetime(), NullLogger<OperationsChannel>.Instance);

        operations.Tell(PlatformAlertText.ShardingRequired(2, configured: true));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (outlet.Sent.IsEmpty && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        var (channel, post) = Assert.Single(outlet.Sent);
        Assert.Equal("1009", channel);
        Assert.Equal("Discord problem: the bot is in too many servers for 2 Gateway shards", post.Headline);
        Assert.Equal(
            [
                "Discord closed the Gateway with 4011 (sharding required): commands typed in Discord get no answer until the bot runs more shards.",
                "Discord:Shards sets the count: raise it (or remove it to use Discord's count) and restart.",
            ],
            post.Lines);
    }

    [Fact]
    public void Tell_NoOperationsChannel_QueuesNothing()
    {
        using var store = SqliteResultsStore.Open("Data Source=" + _dir.File("bot.db"), _time);
        var dispatcher = new PostDispatcher(store, [], new ChannelSubscriptions(store), new DigestComposer(Culture), _time);
        var operations = new OperationsChannel(store, FeedAlertPolicy.Default, dispatcher, new Lifetime(), NullLogger<OperationsChannel>.Instance);

        operations.Tell(PlatformAlertText.ShardingRequired(1, configured: false));

        Assert.Equal(0, store.CountPosts());
    }

    public void Dispose() => _dir.Dispose();

    private sealed class Outlet : IPlatformOutlet
    {
        public ConcurrentQueue<(string Channel, Post Post)> Sent { get; } = new();

        public string Platform => "discord";

        public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
        {
            Sent.Enqueue((post.ChannelId, post.Post));
            return Task.FromResult<string?>("m" + post.DeliveryId.ToString(CultureInfo.InvariantCulture));
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
