using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ResultsBot.Application.Instances;
using ResultsBot.Storage.Postgres;
using static ResultsBot.Storage.Tests.Coordinating;

namespace ResultsBot.Storage.Tests;

/// <summary>
/// Delivery partitions leased by instances on one real PostgreSQL database: each holds its share, one channel has one
/// deliverer at a time, a partition handed on waits for the turn delivering under it, and a dead instance's partitions
/// are taken over.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class PostgresDeliveryPartitionsTests(PostgresServer server)
{
    // Enough channels that every partition has some.
    private static readonly string[] Channels = [.. Enumerable.Range(1, 400).Select(i => "discord:" + i.ToString(CultureInfo.InvariantCulture))];

    [Fact]
    public async Task Delivers_TwoInstances_EachDeliversItsShareAndTheSurvivorTakesOverTheKilledOnesChannels()
    {
        var database = server.NewDatabase();
        using var first = Coordination(database, "first:1");
        using var second = Coordination(database, "second:2");
        using var firstRuns = new CancellationTokenSource();
        using var secondRuns = new CancellationTokenSource();
        var secondHeard = new ConcurrentQueue<StoreChange>();
        var firstRunning = first.RunAsync(_ => { }, firstRuns.Token);
        Assert.True(await Eventually(() => Channels.All(first.Delivers)), $"alone, the first does not deliver every channel: {first.Describe()}");
        Assert.EndsWith($"delivery partitions {string.Join(", ", Enumerable.Range(0, 32))} of 32", first.Describe(), StringComparison.Ordinal);

        var secondRunning = second.RunAsync(secondHeard.Enqueue, secondRuns.Token);
        Assert.True(
            await Eventually(() => Channels.All(c => first.Delivers(c) != second.Delivers(c)) && Held(first) == 16 && Held(second) == 16),
            $"the partitions were not split: {first.Describe()} | {second.Describe()}");
        Assert.Contains(StoreChange.DeliveryTaken, secondHeard);
        await Task.Delay(2500); // each tries once a second: neither may take what the other holds
        Assert.True(Channels.All(c => first.Delivers(c) != second.Delivers(c)), $"{first.Describe()} | {second.Describe()}");
        Assert.Equal(16, Held(first));

        // As a killed process: the first's session ends, and its partitions' locks with it.
        var firstsChannel = Channels.First(first.Delivers);
        Execute(database, $"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE {PartitionLockOf(firstsChannel)}");
        var clock = Stopwatch.StartNew();
        await firstRuns.CancelAsync(); // and it does not come back
        await Stopped(firstRunning);
        Assert.False(first.Delivers(firstsChannel));
        Assert.True(await Eventually(() => Channels.All(second.Delivers)), $"the survivor did not take every channel over: {second.Describe()}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took the partitions over after {clock.Elapsed}");

        await secondRuns.CancelAsync();
        await secondRunning;
    }

    [Fact]
    public async Task BeginDelivery_PartitionHandedOnWhileATurnIsOpen_TheTurnIsToldToStopAndTheNextHolderWaitsForIt()
    {
        var database = server.NewDatabase();
        using var first = Coordination(database, "first:1");
        using var second = Coordination(database, "second:2");
        using var firstRuns = new CancellationTokenSource();
        using var secondRuns = new CancellationTokenSource();
        var firstRunning = first.RunAsync(_ => { }, firstRuns.Token);
        Assert.True(await Eventually(() => Held(first) == 32), first.Describe());

        // The highest partitions are handed on when a second instance comes: a channel of the highest is mid-send.
        var channel = Channels.First(c => DeliveryPartitions.Of(c) == 31);
        var turn = first.BeginDelivery(channel);
        Assert.NotNull(turn);
        var secondRunning = second.RunAsync(_ => { }, secondRuns.Token);
        Assert.True(await Eventually(() => turn.Ending.IsCancellationRequested), $"the turn was never told to stop: {first.Describe()}");
        Assert.False(first.Delivers(channel));
        Assert.Null(first.BeginDelivery(channel)); // no new pass starts on a partition being handed on
        Assert.True(await Eventually(() => Held(second) == 15), $"the second took no other partition: {second.Describe()}");
        await Task.Delay(2500); // the second tries once a second: the lock is still held while the turn runs
        Assert.False(second.Delivers(channel), "the next holder took the partition while the last one was still sending");

        turn.Dispose();
        Assert.True(await Eventually(() => second.Delivers(channel)), $"the partition was not let go once the turn ended: {second.Describe()}");
        Assert.Equal(16, Held(second));
        Assert.Equal(16, Held(first));

        await firstRuns.CancelAsync();
        await secondRuns.CancelAsync();
        await Stopped(firstRunning);
        await secondRunning;
    }

    [Fact]
    public async Task AcquireShard_AndDeliveryPartitions_AreSharedApart()
    {
        // One instance wants shards, both deliver: the shard share counts only the one, the partitions' both.
        var database = server.NewDatabase();
        using var first = Coordination(database, "first:1");
        using var second = Coordination(database, "second:2");
        using var firstRuns = new CancellationTokenSource();
        using var secondRuns = new CancellationTokenSource();
        var firstRunning = first.RunAsync(_ => { }, firstRuns.Token);
        var secondRunning = second.RunAsync(_ => { }, secondRuns.Token);
        var shard0 = first.AcquireShardAsync(0, 2, CancellationToken.None);
        var shard1 = first.AcquireShardAsync(1, 2, CancellationToken.None);

        var runs0 = await shard0.WaitAsync(Patience);
        var runs1 = await shard1.WaitAsync(Patience);
        Assert.True(await Eventually(() => Held(first) == 16 && Held(second) == 16), $"{first.Describe()} | {second.Describe()}");
        await Task.Delay(4500); // past the beats an instance over its share waits before handing on
        Assert.False(runs0.IsCancellationRequested || runs1.IsCancellationRequested, first.Describe());
        Assert.EndsWith("; runs Discord shards 0, 1 of 2", first.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain("shard", second.Describe(), StringComparison.Ordinal);

        await firstRuns.CancelAsync();
        await secondRuns.CancelAsync();
        await firstRunning;
        await secondRunning;
    }

    private static int Held(PostgresInstanceCoordination coordination) =>
        Enumerable.Range(0, DeliveryPartitions.Count).Count(p => coordination.Delivers(Channels.First(c => DeliveryPartitions.Of(c) == p)));
}
