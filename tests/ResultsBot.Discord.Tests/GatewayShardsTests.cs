using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Gateway;
using ResultsBot.Discord.Interactions;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>The only instance running every shard GET /gateway/bot asks for, against the fake's sharded Gateway.</summary>
public sealed class GatewayShardsTests
{
    // Guild 4001 maps to shard 0 of 2; a guild id with bit 22 set maps to shard 1.
    private const string GuildOnShard0 = "4001";
    private static readonly string GuildOnShard1 = ((1UL << 22) + 4001).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Run_TwoShardsRecommended_IdentifiesEachWithItsShardPacedByMaxConcurrencyAndAnswersEveryGuildOnce()
    {
        await using var rig = await Rig.StartAsync(shards: 2);
        var started = Stopwatch.StartNew();

        await FakeDiscordGateway.WaitUntilAsync(() => rig.Gateway.IsShardReady(0) && rig.Gateway.IsShardReady(1) && rig.Shards.Connected, "both shards ready", TimeSpan.FromSeconds(20));

        Assert.Equal([(0, 2), (1, 2)], rig.Gateway.ShardIdentifies.Order());
        Assert.Equal(0, rig.Gateway.ConcurrencyRefusals); // max_concurrency 1: the second waited its five seconds
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(4.5), $"both identified within {started.Elapsed}");
        Assert.Equal([0, 1], rig.Shards.Running);
        Assert.Equal(0, FakeDiscordGateway.ShardOf(ulong.Parse(GuildOnShard0, System.Globalization.CultureInfo.InvariantCulture), 2));
        Assert.Equal(1, FakeDiscordGateway.ShardOf(ulong.Parse(GuildOnShard1, System.Globalization.CultureInfo.InvariantCulture), 2));

        var onShard0 = rig.Interactions.SlashCommand("council", guildId: GuildOnShard0);
        var onShard1 = rig.Interactions.SlashCommand("council", guildId: GuildOnShard1);
        await rig.Gateway.InjectAsync(onShard0);
        await rig.Gateway.InjectAsync(onShard1);

        Assert.Equal(4, (await onShard0.WaitForCallbackAsync()).Type);
        Assert.Equal(4, (await onShard1.WaitForCallbackAsync()).Type);
        Assert.Equal(0, onShard0.RefusedCallbacks + onShard1.RefusedCallbacks);
    }

    [Fact]
    public async Task Run_ConnectionDropsBeforeHello_TheIdentifyTurnIsGivenBackAndTheNextTurnIdentifies()
    {
        // Given back even though no identify went out: a turn shared by instances, held for ever, would stop them all.
        var turns = new RecordingIdentifyTurns(new IdentifyPacer(TimeProvider.System));
        await using var rig = await Rig.StartAsync(shards: 1, turns, dropBeforeHello: 1);

        await FakeDiscordGateway.WaitUntilAsync(() => rig.Gateway.IsShardReady(0) && rig.Shards.Connected, "the shard ready after the dropped connection", TimeSpan.FromSeconds(20));

        Assert.Equal(["turn of bucket 0 of 1", "given back: bucket 0 of 1", "turn of bucket 0 of 1", "given back: bucket 0 of 1"], turns.Said);
        Assert.Equal(1, rig.Gateway.Identifies);
        Assert.Equal(0, rig.Gateway.ConcurrencyRefusals);
    }

    [Fact]
    public async Task Show_TwoShards_SendsTheStatusOnEachShard()
    {
        await using var rig = await Rig.StartAsync(shards: 2);
        await FakeDiscordGateway.WaitUntilAsync(() => rig.Shards.Connected && rig.Shards.Running.Count == 2, "both shards ready", TimeSpan.FromSeconds(20));

        rig.Shards.Show("36 of 107 councils declared");

        await FakeDiscordGateway.WaitUntilAsync(() => rig.Gateway.Presences.Count == 2, "a status on each shard");
        Assert.All(rig.Gateway.Presences, p => Assert.Equal("36 of 107 councils declared", p["activities"]![0]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Close_ShardingRequired_ReadsTheCountAgainAndIdentifiesEveryShardOfIt()
    {
        await using var rig = await Rig.StartAsync(shards: 1);
        await FakeDiscordGateway.WaitUntilAsync(() => rig.Shards.Connected, "one shard ready");
        Assert.Equal([(0, 1)], rig.Gateway.ShardIdentifies);

        // The bot grew past what one shard may carry: Discord now recommends two, and closes the one with 4011.
        rig.Gateway.Shards = 2;
        await rig.Gateway.CloseAsync(4011, "Sharding required.");

        await FakeDiscordGateway.WaitUntilAsync(() => rig.Gateway.IsShardReady(0) && rig.Gateway.IsShardReady(1) && rig.Shards.Connected, "both shards of the new count", TimeSpan.FromSeconds(20));
        Assert.Equal(2, rig.Shards.Count);
        Assert.Equal([(0, 1), (0, 2), (1, 2)], rig.Gateway.ShardIdentifies.Take(1).Concat(rig.Gateway.ShardIdentifies.Skip(1).Order()));
        Assert.Null(rig.Shards.StoppedReason);
        Assert.Contains(rig.Monitor.Changes, c => !c.Connected && c.Detail.Contains("sharding required", StringComparison.Ordinal));
        var alert = Assert.Single(rig.Operations.Alerts);
        Assert.Equal("Discord problem: the bot is in too many servers for 1 Gateway shard", alert.Headline);
        Assert.Equal("The bot is asking Discord how many shards to run, and will connect them all.", alert.Lines[^1]);
    }

    private sealed class RecordingOperations : IOperationsChannel
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Post> _alerts = new();

        public IReadOnlyList<Post> Alerts => [.. _alerts];

        public void Tell(Post alert) => _alerts.Enqueue(alert);
    }

    private sealed class Rig : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly HttpClient _http = new();
        private FakeServer? _server;

        public required FakeDiscordInteractions Interactions { get; init; }

        public required FakeDiscordGateway Gateway { get; init; }

        public GatewayTestMonitor Monitor { get; } = new();

        public RecordingOperations Operations { get; } = new();

        public DiscordGatewayShards Shards { get; private set; } = null!;

        public static async Task<Rig> StartAsync(int shards, IIdentifyTurns? turns = null, int dropBeforeHello = 0)
        {
            var interactions = new FakeDiscordInteractions();
            var rig = new Rig
            {
                Interactions = interactions,
                Gateway = new FakeDiscordGateway(interactions) { HeartbeatInterval = TimeSpan.FromSeconds(1), Shards = shards, MaxConcurrency = 1, EnforceMaxConcurrency = true, DropBeforeHello = dropBeforeHello },
            };
            rig._server = await FakeServer.StartAsync(rig.Gateway, interactions);
            var options = InteractionTestOptions.For(rig._server, interactions);
            var handler = new DiscordInteractionHandler(options, rig._http, new InteractionTestBot(), TimeProvider.System, rig.Monitor, NullLogger<DiscordInteractionHandler>.Instance);
            rig.Shards = new DiscordGatewayShards(options, rig._http, handler, rig.Monitor, new AllShardsHere(), TimeProvider.System, NullLoggerFactory.Instance, rig.Operations, turns)
            {
                Timings = new GatewayTimings { FirstBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200), ConnectTimeout = TimeSpan.FromSeconds(5) },
            };
            await rig.Shards.StartAsync(rig._stop.Token);
            return rig;
        }

        public async ValueTask DisposeAsync()
        {
            await Shards.StopAsync(CancellationToken.None);
            await _stop.CancelAsync();
            Shards.Dispose();
            _http.Dispose();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            Gateway.Dispose();
            _stop.Dispose();
        }
    }
}
