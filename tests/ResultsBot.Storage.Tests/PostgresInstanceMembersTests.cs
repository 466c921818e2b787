using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Application.Instances;
using ResultsBot.Storage.Postgres;

namespace ResultsBot.Storage.Tests;

/// <summary>
/// Instances on one real PostgreSQL database know each other from the beat each sends every second: how many run, and
/// which one stopped — told once, and for the feed reader by the instance that takes the feed over, with the takeover.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class PostgresInstanceMembersTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task InstanceStopped_AStandbyStops_EveryOtherInstanceHearsItOnceAndCountsOneFewer()
    {
        var database = server.NewDatabase();
        await using var reader = await Running.StartAsync(database, "reader:1");
        await reader.Coordination.AcquireFeedLeaseAsync(CancellationToken.None).WaitAsync(Patience);
        await using var standby = await Running.StartAsync(database, "standby:2");
        await using var doomed = await Running.StartAsync(database, "doomed:3");
        Assert.True(await Eventually(() => new[] { reader, standby, doomed }.All(r => r.Coordination.LiveInstances == 3)), "the three never all counted three");

        await doomed.StopAsync(); // its session ends and it says nothing more, as a killed process
        var clock = Stopwatch.StartNew();
        Assert.True(await Eventually(() => !reader.Stopped.IsEmpty && !standby.Stopped.IsEmpty), "the stop was not heard");
        var heardAfter = clock.Elapsed;
        await Task.Delay(2500); // a second telling, if there were one, would come now

        Assert.InRange(heardAfter, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
        Assert.Equal(["doomed:3"], reader.Stopped.Select(s => s.Instance));
        Assert.Equal(["doomed:3"], standby.Stopped.Select(s => s.Instance));
        Assert.Equal(2, reader.Coordination.LiveInstances);
        Assert.Equal(2, standby.Coordination.LiveInstances);
    }

    [Fact]
    public async Task AcquireFeedLease_TheReaderStops_TheNewReaderIsToldWhoItTookOverFromAndHearsNoSeparateStop()
    {
        var database = server.NewDatabase();
        await using var reader = await Running.StartAsync(database, "reader:1");
        await reader.Coordination.AcquireFeedLeaseAsync(CancellationToken.None).WaitAsync(Patience);
        await using var standby = await Running.StartAsync(database, "standby:2");
        // Heard by name, from the reader's beat: counting it live is not enough, as its session is counted before that.
        Assert.True(await Eventually(() => standby.Coordination.Describe().Contains("the feed is read by reader:1", StringComparison.Ordinal)), "the standby never heard the reader");
        var taking = standby.Coordination.AcquireFeedLeaseAsync(CancellationToken.None);

        await reader.StopAsync();
        var lease = await taking.WaitAsync(Patience);
        await Task.Delay(TimeSpan.FromSeconds(7)); // longer than an instance may go unheard

        Assert.Equal("reader:1", lease.PreviousReader?.Instance);
        Assert.Empty(standby.Stopped); // told with the takeover, not again
        Assert.Equal(1, standby.Coordination.LiveInstances);
        Assert.StartsWith("feed reader: standby:2", standby.Coordination.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcquireFeedLease_TheReaderStopsJustAfterAnotherInstanceStarted_WhoeverTakesOverKnowsWhoItTookOverFrom()
    {
        // The failover bench restarts a killed instance and kills the reader again as soon as all answer: an instance
        // that had not yet heard the reader's beat took the lease unknowing, and no one was told of the change.
        for (var round = 1; round <= 2; round++)
        {
            var database = server.NewDatabase();
            await using var reader = await Running.StartAsync(database, "reader:1");
            await reader.Coordination.AcquireFeedLeaseAsync(CancellationToken.None).WaitAsync(Patience);
            await using var standby = await Running.StartAsync(database, "standby:2");
            Assert.True(await Eventually(() => standby.Coordination.Describe().Contains("the feed is read by reader:1", StringComparison.Ordinal)), "the standby never heard the reader");
            await using var fresh = await Running.StartAsync(database, "fresh:3");
            var taking = new[] { standby, fresh }.Select(r => r.Coordination.AcquireFeedLeaseAsync(CancellationToken.None)).ToList();

            await reader.StopAsync(); // before the fresh one has heard a beat of it
            var lease = await await Task.WhenAny(taking).WaitAsync(Patience);

            Assert.Equal("reader:1", lease.PreviousReader?.Instance);
        }
    }

    [Fact]
    public async Task LiveInstances_AnInstanceThatHoldsItsSessionButGoesQuiet_IsStillCountedForTheShare()
    {
        var database = server.NewDatabase();
        await using var running = await Running.StartAsync(database, "busy:1");
        // Another instance's coordination session, as the server sees it, whose beats stop coming (too busy to say it is
        // alive for a few seconds): it still sends to Discord, so it must keep its share of the bot's limit.
        await using var quiet = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database) { ApplicationName = "resultsbot coordination delivery", Pooling = false }.ConnectionString);
        await quiet.OpenAsync();

        Assert.True(await Eventually(() => running.Coordination.LiveInstances == 2), "the quiet session was never counted");
        await Task.Delay(InstanceMembers.GoneAfter + TimeSpan.FromSeconds(1)); // longer than an instance may go unheard
        Assert.Equal(2, running.Coordination.LiveInstances);

        await quiet.CloseAsync(); // its session ends, as a killed process's does
        Assert.True(await Eventually(() => running.Coordination.LiveInstances == 1), "the ended session was still counted");
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>One instance's coordination, running, with the stops it heard.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly CancellationTokenSource _runs = new();
        private Task _running = Task.CompletedTask;

        private Running(string database, string instance)
        {
            Coordination = new PostgresInstanceCoordination(database, TimeProvider.System, NullLogger<PostgresInstanceCoordination>.Instance, instance);
            Coordination.InstanceStopped += (_, stopped) => Stopped.Enqueue(stopped);
        }

        public PostgresInstanceCoordination Coordination { get; }

        public ConcurrentQueue<StoppedInstance> Stopped { get; } = new();

        public static async Task<Running> StartAsync(string database, string instance)
        {
            var running = new Running(database, instance);
            var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            running._running = running.Coordination.RunAsync(change => connected.TrySetResult(), running._runs.Token);
            await connected.Task.WaitAsync(Patience);
            return running;
        }

        public async Task StopAsync()
        {
            await _runs.CancelAsync();
            await _running;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            Coordination.Dispose();
            _runs.Dispose();
        }
    }
}
