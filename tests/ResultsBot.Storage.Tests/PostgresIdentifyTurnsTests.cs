using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Storage.Postgres;
using static ResultsBot.Storage.Tests.Coordinating;

namespace ResultsBot.Storage.Tests;

/// <summary>
/// Discord identify turns shared by instances on one real PostgreSQL database: one identify a bucket per five seconds
/// across all of them, different buckets at once, and a turn held by an instance that died freed with its session.
/// Real time: Discord's window is five seconds, and the turns are locks on the server.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class PostgresIdentifyTurnsTests(PostgresServer server)
{
    [Fact]
    public async Task WaitTurn_TwoInstancesOneBucket_TheSecondsTurnComesFiveSecondsAfterTheFirstIdentified()
    {
        var database = server.NewDatabase();
        using var first = Turns(database);
        using var second = Turns(database);
        await first.WaitTurnAsync(0, 1, CancellationToken.None).WaitAsync(Patience);

        var secondsTurn = second.WaitTurnAsync(0, 1, CancellationToken.None);
        await Task.Delay(1000); // the first is still connecting: its turn is held
        Assert.False(secondsTurn.IsCompleted, "the second instance took the bucket's turn while the first held it");
        first.Identified(0, 1);
        var sinceIdentify = Stopwatch.StartNew();
        await Task.Delay(4000);
        Assert.False(secondsTurn.IsCompleted, $"the second instance's turn came {sinceIdentify.Elapsed.TotalSeconds:0.00} s after the first identified");

        await secondsTurn.WaitAsync(Patience);
        var waited = sinceIdentify.Elapsed;
        Assert.True(waited >= TimeSpan.FromSeconds(5), $"the second instance's turn came {waited.TotalSeconds:0.00} s after the first identified");
        Assert.True(waited < TimeSpan.FromSeconds(7), $"the second instance waited {waited.TotalSeconds:0.00} s, well past the window");
        second.Identified(0, 1);
    }

    [Fact]
    public async Task WaitTurn_OneInstanceTwoShardsOfOneBucket_TheSecondWaitsForTheFirstsWindowToo()
    {
        // Session-level advisory locks are re-entrant within a session: each turn needs a session of its own.
        var database = server.NewDatabase();
        using var turns = Turns(database);
        await turns.WaitTurnAsync(0, 1, CancellationToken.None).WaitAsync(Patience);
        var secondShardsTurn = turns.WaitTurnAsync(0, 1, CancellationToken.None);
        await Task.Delay(1000);
        Assert.False(secondShardsTurn.IsCompleted, "a second shard of the bucket took its turn while the first held it");

        turns.Identified(0, 1);
        var sinceIdentify = Stopwatch.StartNew();
        await secondShardsTurn.WaitAsync(Patience);
        Assert.True(sinceIdentify.Elapsed >= TimeSpan.FromSeconds(5), $"the second shard's turn came {sinceIdentify.Elapsed.TotalSeconds:0.00} s after the first identified");
        turns.Identified(0, 1);
    }

    [Fact]
    public async Task WaitTurn_TwoInstancesDifferentBuckets_BothTurnsComeAtOnce()
    {
        var database = server.NewDatabase();
        using var first = Turns(database);
        using var second = Turns(database);
        var clock = Stopwatch.StartNew();

        // max_concurrency 2: shard 0 is bucket 0, shard 1 bucket 1; neither waits for the other.
        await Task.WhenAll(first.WaitTurnAsync(0, 2, CancellationToken.None), second.WaitTurnAsync(1, 2, CancellationToken.None)).WaitAsync(Patience);
        first.Identified(0, 2);
        second.Identified(1, 2);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"two buckets' turns took {clock.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task WaitTurn_HolderSessionEnds_TheBucketIsFreedForTheOther()
    {
        var database = server.NewDatabase();
        using var dying = Turns(database);
        using var survivor = Turns(database);
        await dying.WaitTurnAsync(0, 1, CancellationToken.None).WaitAsync(Patience);
        var survivorsTurn = survivor.WaitTurnAsync(0, 1, CancellationToken.None);
        await Task.Delay(1000);
        Assert.False(survivorsTurn.IsCompleted, "the survivor took the bucket's turn while the other held it");

        // As a killed process: the server ends the session holding the bucket's lock (key "RBID", bucket 0 of 1).
        Execute(database, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid::bigint = 1380075844 AND objid::bigint = 65536");
        var sinceKill = Stopwatch.StartNew();

        await survivorsTurn.WaitAsync(Patience);
        Assert.True(sinceKill.Elapsed < TimeSpan.FromSeconds(2), $"the survivor's turn came {sinceKill.Elapsed.TotalSeconds:0.00} s after the holder died");
        dying.Identified(0, 1); // its session is gone: giving the turn back is harmless
        survivor.Identified(0, 1);
    }

    private static PostgresIdentifyTurns Turns(string database) =>
        new(database, TimeProvider.System, NullLogger<PostgresIdentifyTurns>.Instance);
}
