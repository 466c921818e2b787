using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ResultsBot.Application.Instances;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Posts;
using ResultsBot.Storage.Postgres;
using static ResultsBot.Storage.Tests.Coordinating;

namespace ResultsBot.Storage.Tests;

/// <summary>
/// Instances on one real PostgreSQL database: one holds the feed lease at a time, another takes it when the holder's
/// session ends, and each hears what the others accepted and subscribed.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class PostgresInstanceCoordinationTests(PostgresServer server)
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("<LocalElectionResult revision='1'/>");

    [Fact]
    public async Task AcquireFeedLease_TwoInstances_OneHoldsItAndTheOtherTakesItWhenTheHoldersSessionEnds()
    {
        var database = server.NewDatabase();
        using var first = Coordination(database, "first:1");
        using var second = Coordination(database, "second:2");
        using var firstRuns = new CancellationTokenSource();
        using var secondRuns = new CancellationTokenSource();
        var firstRunning = first.RunAsync(_ => { }, firstRuns.Token);
        var lease = await first.AcquireFeedLeaseAsync(CancellationToken.None).WaitAsync(Patience);
        var secondRunning = second.RunAsync(_ => { }, secondRuns.Token);
        var secondAcquires = second.AcquireFeedLeaseAsync(CancellationToken.None);

        await Task.Delay(2500); // the standby tries the lock each second: it must keep failing while the reader holds it
        Assert.False(secondAcquires.IsCompleted, "the standby took the lease while the reader held it");
        Assert.True(first.IsFeedReader);
        Assert.False(second.IsFeedReader);
        Assert.StartsWith("standby: ", second.Describe(), StringComparison.Ordinal);
        // The standby learns who reads from the reader's heartbeat (once a second): on a busy machine, give it its time.
        Assert.True(
            await Eventually(() => second.Describe().Contains($"the feed is read by {first.Instance}", StringComparison.Ordinal)),
            $"the standby does not say who reads the feed: {second.Describe()}");

        // As a killed process: its session ends on the server, and the lock with it; and it does not come back.
        // The session holding the feed lease's key (both hold delivery partitions, in another key space).
        Execute(database, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid::bigint = 1382380405 AND objid::bigint = 1819571014");
        var clock = Stopwatch.StartNew();
        await firstRuns.CancelAsync();
        await firstRunning;
        var taken = await secondAcquires.WaitAsync(Patience);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took over after {clock.Elapsed}");
        Assert.NotNull(taken.WithoutReader);
        Assert.True(lease.Lost.IsCancellationRequested || await Eventually(() => lease.Lost.IsCancellationRequested), "the old reader still thinks it holds the lease");
        Assert.True(second.IsFeedReader);
        Assert.StartsWith($"feed reader: {second.Instance} holds the feed lease", second.Describe(), StringComparison.Ordinal);
        Assert.False(first.IsFeedReader);

        await secondRuns.CancelAsync();
        await secondRunning;
    }

    [Fact]
    public async Task RunAsync_AnotherInstanceAcceptsAndSubscribes_EachIsHeard()
    {
        var database = server.NewDatabase();
        using var listener = Coordination(database);
        using var writer = PostgresResultsStore.Open(database, TimeProvider.System);
        var heard = new ConcurrentQueue<StoreChange>();
        using var runs = new CancellationTokenSource();
        var running = listener.RunAsync(heard.Enqueue, runs.Token);
        Assert.True(await Eventually(() => heard.Contains(StoreChange.Reconnected)), "the listener never connected");

        writer.Accept("council/adur", 1, "Adur_1.xml", Content, [new Post(PostKind.Declaration, "council/adur", "Labour hold Adur", ["x"])], ["console"]);
        writer.Subscribe("discord:1", "everything", "command", "U1");

        Assert.True(await Eventually(() => heard.Contains(StoreChange.Accepted) && heard.Contains(StoreChange.Subscriptions)), $"heard only: {string.Join(", ", heard)}");
        await runs.CancelAsync();
        await running;
    }

    [Fact]
    public async Task AcceptAll_RefusedAsAlreadyAccepted_TellsNoOne()
    {
        var database = server.NewDatabase();
        using var listener = Coordination(database);
        using var writer = PostgresResultsStore.Open(database, TimeProvider.System);
        writer.Accept("council/adur", 1, "Adur_1.xml", Content, [], ["console"]);
        var heard = new ConcurrentQueue<StoreChange>();
        using var runs = new CancellationTokenSource();
        var running = listener.RunAsync(heard.Enqueue, runs.Token);
        Assert.True(await Eventually(() => heard.Contains(StoreChange.Reconnected)), "the listener never connected");

        Assert.ThrowsAny<StorageException>(() => writer.Accept("council/adur", 1, "copy.xml", Content, [], ["console"]));
        await Task.Delay(1500);

        Assert.DoesNotContain(StoreChange.Accepted, heard); // NOTIFY is sent at commit, and a refused batch never commits
        await runs.CancelAsync();
        await running;
    }

    [Fact]
    public async Task AcquireShard_TwoInstancesTwoShards_EachRunsOneAndTheOtherTakesTheKilledOnesShard()
    {
        var database = server.NewDatabase();
        using var first = Coordination(database, "first:1");
        using var second = Coordination(database, "second:2");
        using var firstRuns = new CancellationTokenSource();
        using var secondRuns = new CancellationTokenSource();
        var firstRunning = first.RunAsync(_ => { }, firstRuns.Token);
        var firstShard0 = first.AcquireShardAsync(0, 2, CancellationToken.None);
        var firstShard1 = first.AcquireShardAsync(1, 2, CancellationToken.None);
        var firstRuns0 = await firstShard0.WaitAsync(Patience); // alone, its share is every shard
        var firstRuns1 = await firstShard1.WaitAsync(Patience);
        Assert.EndsWith("; runs Discord shards 0, 1 of 2", first.Describe(), StringComparison.Ordinal);

        // A second instance wants shards too: the first hands its highest on, and wants it back as the Gateway would.
        var secondRunning = second.RunAsync(_ => { }, secondRuns.Token);
        var secondShard0 = second.AcquireShardAsync(0, 2, CancellationToken.None);
        var secondShard1 = second.AcquireShardAsync(1, 2, CancellationToken.None);
        Assert.True(await Eventually(() => firstRuns1.IsCancellationRequested), "the first never handed a shard on");
        var firstWantsShard1Again = first.AcquireShardAsync(1, 2, CancellationToken.None);
        await secondShard1.WaitAsync(Patience);
        await Task.Delay(2500); // each tries once a second: neither may take the other's shard
        Assert.False(secondShard0.IsCompleted, "the second took shard 0 while the first ran it");
        Assert.False(firstWantsShard1Again.IsCompleted, "the first took shard 1 back while the second ran it");
        Assert.False(firstRuns0.IsCancellationRequested);
        Assert.EndsWith("; runs Discord shard 0 of 2", first.Describe(), StringComparison.Ordinal);
        Assert.EndsWith("; runs Discord shard 1 of 2", second.Describe(), StringComparison.Ordinal);

        // As a killed process: the first's session ends, and shard 0's lock with it.
        Execute(database, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND objid = 131072");
        var clock = Stopwatch.StartNew();
        await firstRuns.CancelAsync(); // and it does not come back
        await Stopped(firstRunning);

        var shard0 = await secondShard0.WaitAsync(Patience);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took shard 0 over after {clock.Elapsed}");
        Assert.False(shard0.IsCancellationRequested);
        Assert.True(firstRuns0.IsCancellationRequested, "the first still thinks it runs shard 0");
        Assert.EndsWith("; runs Discord shards 0, 1 of 2", second.Describe(), StringComparison.Ordinal);

        await secondRuns.CancelAsync();
        await secondRunning;
    }
}
