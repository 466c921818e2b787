using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Wire;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Gateway;

/// <summary>
/// The bot's Gateway shards on this instance. The count is Discord:Shards, or GET /gateway/bot's recommendation; each
/// shard runs here only while this instance holds its lease (<see cref="IShardLeases"/>: every shard for the only
/// instance, a share of them when several instances share a PostgreSQL database), one <see cref="DiscordGatewayClient"/>
/// each, identifies paced by max_concurrency (<see cref="IIdentifyTurns"/>: across instances when they share a
/// database). A shard whose lease is lost stops at once and is tried for again; close code 4011 (sharding required)
/// stops every shard, says so, and starts again with the count read afresh.
/// </summary>
public sealed class DiscordGatewayShards : BackgroundService, IBotPresence
{
    private readonly DiscordOptions _options;
    private readonly HttpClient _http;
    private readonly DiscordCallbacks _api;
    private readonly DiscordInteractionHandler _interactions;
    private readonly IPlatformMonitor _monitor;
    private readonly IShardLeases _leases;
    private readonly IOperationsChannel? _operations;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly IdentifyGate _identifies;
    private readonly ShardConnections _connections;
    private readonly ConcurrentDictionary<int, DiscordGatewayClient> _running = new();
    private volatile string? _watching;
    private volatile int _count;

    public DiscordGatewayShards(
        DiscordOptions options,
        HttpClient http,
        DiscordInteractionHandler interactions,
        IPlatformMonitor monitor,
        IShardLeases leases,
        TimeProvider time,
        ILoggerFactory loggers,
        IOperationsChannel? operations = null,
        IIdentifyTurns? identifyTurns = null)
    {
        _operations = operations;
        _options = options;
        _http = http;
        _interactions = interactions;
        _monitor = monitor;
        _leases = leases;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<DiscordGatewayShards>();
        _api = new DiscordCallbacks(http, options, time, monitor, _logger);
        // Turns within this process unless instances sharing a database take them between them.
        _identifies = new IdentifyGate(identifyTurns ?? new IdentifyPacer(time));
        _connections = new ShardConnections(monitor);
    }

    /// <summary>The shards this instance runs now, in order.</summary>
    public IReadOnlyList<int> Running => [.. _running.Keys.Order()];

    /// <summary>How many shards the bot runs across all its instances (0 until it is known).</summary>
    public int Count => _count;

    /// <summary>True when this instance runs at least one shard and every shard it runs is connected.</summary>
    public bool Connected => !_running.IsEmpty && _running.Values.All(c => c.Connected);

    /// <summary>Why the Gateway stopped for good (a bad token...), or null while it runs.</summary>
    public string? StoppedReason { get; private set; }

    internal GatewayTimings Timings { get; init; } = new();

    /// <summary>Shows the status on every shard this instance runs; a shard started later shows it from its IDENTIFY.</summary>
    public void Show(string watching)
    {
        _watching = watching;
        foreach (var client in _running.Values)
        {
            client.Show(watching);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int count;
            try
            {
                count = await ShardCountAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or DiscordCallException or JsonException or InvalidOperationException)
            {
                var wait = new Backoff(Timings.FirstBackoff, Timings.MaxBackoff).Delay(++failures, Random.Shared);
                _logger.LogWarning("Could not ask Discord how many Gateway shards to run ({Reason}); asking again in {Delay:0.#} s", e.Message, wait.TotalSeconds);
                await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            _count = count;
            _logger.LogInformation("Discord Gateway: {Count} shard{S} across all instances", count, count == 1 ? "" : "s");
            var outcome = await RunShardsAsync(count, stoppingToken);
            if (outcome is ShardsEnd.Stopped)
            {
                return;
            }

            if (outcome is ShardsEnd.ShardingRequired)
            {
                _logger.LogError(
                    "Discord closed a Gateway connection with 4011 (sharding required): the bot is in too many servers for {Count} shard{S}. {Next}",
                    count,
                    count == 1 ? "" : "s",
                    _options.Shards is null ? "Asking Discord for the shard count again." : "Discord:Shards is set: raise it (or remove it to use Discord's count); trying again with it meanwhile.");
                _operations?.Tell(PlatformAlertText.ShardingRequired(count, _options.Shards is not null));
                await Task.Delay(Timings.MaxBackoff, _time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private enum ShardsEnd
    {
        ShuttingDown,
        ShardingRequired,
        Stopped,
    }

    private async Task<ShardsEnd> RunShardsAsync(int count, CancellationToken stoppingToken)
    {
        using var generation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (_leases is not AllShardsHere)
        {
            _connections.Sharing(); // a standby that runs no shard is not a Discord outage
        }

        var ends = await Task.WhenAll(Enumerable.Range(0, count).Select(id => RunShardAsync(new GatewayShard(id, count), generation)));
        return stoppingToken.IsCancellationRequested ? ShardsEnd.ShuttingDown
            : ends.Contains(ShardsEnd.ShardingRequired) ? ShardsEnd.ShardingRequired
            : ShardsEnd.Stopped;
    }

    /// <summary>Runs one shard whenever this instance holds its lease, until the generation ends.</summary>
    private async Task<ShardsEnd> RunShardAsync(GatewayShard shard, CancellationTokenSource generation)
    {
        try
        {
            while (!generation.IsCancellationRequested)
            {
                CancellationToken lost;
                try
                {
                    lost = await _leases.AcquireShardAsync(shard.Id, shard.Count, generation.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var client = new DiscordGatewayClient(_options, _http, _interactions, _connections.For(shard), _time, _loggers.CreateLogger<DiscordGatewayClient>())
                {
                    Shard = shard,
                    Identifies = _identifies,
                    Timings = Timings,
                };
                if (_watching is { } watching)
                {
                    client.Show(watching); // not connected yet: its IDENTIFY carries it
                }

                _logger.LogInformation("Running Discord Gateway {Shard}", shard);
                _connections.Starting(shard);
                _running[shard.Id] = client;
                using (var running = CancellationTokenSource.CreateLinkedTokenSource(generation.Token, lost))
                {
                    try
                    {
                        await client.RunAsync(running.Token);
                    }
                    finally
                    {
                        _running.TryRemove(shard.Id, out _);
                        _connections.Forget(shard);
                    }
                }

                if (client.StoppedReason is { } reason)
                {
                    // Discord refused the connection for good: every shard stops (the same token and settings serve them all).
                    var shardingRequired = client.StoppedCode == GatewayCloseCodes.ShardingRequired;
                    StoppedReason = shardingRequired ? null : reason;
                    await generation.CancelAsync();
                    return shardingRequired ? ShardsEnd.ShardingRequired : ShardsEnd.Stopped;
                }

                if (lost.IsCancellationRequested && !generation.IsCancellationRequested)
                {
                    _logger.LogWarning("Discord Gateway {Shard} stopped here: this instance no longer holds its lease (it handed the shard on, or its database session ended); trying for it again", shard);
                }
            }

            return ShardsEnd.ShuttingDown;
        }
        finally
        {
            _leases.ReleaseShard(shard.Id, shard.Count);
        }
    }

    /// <summary>
    /// Discord:Shards when set; else GET /gateway/bot's shards (and its max_concurrency for the pacing). A fixed
    /// Discord:GatewayUrl with no count is one shard, asked of no one, as before sharding.
    /// </summary>
    private async Task<int> ShardCountAsync(CancellationToken cancellationToken)
    {
        if (_options.Shards is { } configured && _options.GatewayUrl is not null)
        {
            return configured;
        }

        if (_options.GatewayUrl is not null)
        {
            return 1;
        }

        var answer = JsonSerializer.Deserialize(await _api.SendAsync(HttpMethod.Get, "/gateway/bot", null, authorised: true, cancellationToken), DiscordJsonContext.Default.GatewayBotInfo);
        _identifies.MaxConcurrency = answer?.SessionStartLimit?.MaxConcurrency ?? 1;
        return _options.Shards ?? (answer?.Shards is { } shards and > 0 ? shards : 1);
    }

    public override string ToString() => $"DiscordGatewayShards {{ Count = {Count}, Running = [{string.Join(", ", Running)}] }}";
}
