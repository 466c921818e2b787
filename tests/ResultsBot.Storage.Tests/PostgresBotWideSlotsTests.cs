using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Platforms;
using ResultsBot.Storage.Postgres;
using static ResultsBot.Storage.Tests.Coordinating;

namespace ResultsBot.Storage.Tests;

/// <summary>
/// Discord's global limit kept in one real PostgreSQL database for every instance: together they never hold more slots
/// than the limit, a released slot frees a window later, an instance alone uses the whole limit, a killed holder's slots
/// come back, and without the database each instance keeps to its fixed part. Real time: the window is the server's.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class PostgresBotWideSlotsTests(PostgresServer server)
{
    private const int Limit = 3;

    [Fact]
    public async Task Take_TwoInstancesHoldTheWholeLimit_TheNextWaitsUntilAWindowAfterARelease()
    {
        var database = Migrated();
        using var first = Slots(database);
        using var second = Slots(database);
        var firstHeld = await Task.WhenAll(first.TakeAsync(Limit, default), first.TakeAsync(Limit, default)).WaitAsync(Patience);
        var secondHeld = await second.TakeAsync(Limit, default).WaitAsync(Patience);

        var next = second.TakeAsync(Limit, default);
        await Task.Delay(500);
        Assert.False(next.IsCompleted, "an instance took a fourth slot of a limit of three");

        firstHeld[0]!.Release();
        var sinceRelease = Stopwatch.StartNew();
        var fourth = await next.WaitAsync(Patience);

        Assert.NotNull(fourth);
        Assert.True(sinceRelease.Elapsed >= TimeSpan.FromSeconds(1), $"the released slot was taken again {sinceRelease.Elapsed.TotalSeconds:0.000} s after its answer");
        Assert.NotNull(secondHeld);
    }

    [Fact]
    public async Task Take_TwoInstancesSendingAsFastAsTheyMay_NeverHoldMoreThanTheLimitInAnyWindow()
    {
        var database = Migrated();
        using var first = Slots(database);
        using var second = Slots(database);
        var clock = Stopwatch.StartNew();
        var held = new List<(TimeSpan Taken, TimeSpan Free)>();

        // Each loop is a channel: take a slot, "send" for 10 ms, release. Five channels on one instance, two on the other.
        async Task ChannelAsync(PostgresBotWideSlots slots)
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(3))
            {
                var slot = await slots.TakeAsync(Limit, default).WaitAsync(Patience);
                var taken = clock.Elapsed;
                await Task.Delay(10);
                var answered = clock.Elapsed;
                slot!.Release();
                lock (held)
                {
                    // Seen from here a slot is held from when it came to when its window after the answer ends: inside the
                    // server's own span (taken earlier, released later), so no more than the limit may overlap here either.
                    held.Add((taken, answered + TimeSpan.FromSeconds(1)));
                }
            }
        }

        await Task.WhenAll([.. Enumerable.Range(0, 5).Select(_ => ChannelAsync(first)), .. Enumerable.Range(0, 2).Select(_ => ChannelAsync(second))]);

        var mostAtOnce = held.Max(h => held.Count(o => o.Taken <= h.Taken && h.Taken < o.Free));
        Assert.Equal(Limit, mostAtOnce);
        Assert.True(held.Count >= 2 * Limit, $"only {held.Count} requests went out in 3 s with a limit of {Limit} a second");
    }

    [Fact]
    public async Task Take_TheOtherInstanceHasNothingToSend_OneInstanceTakesTheWholeLimit()
    {
        var database = Migrated();
        using var busy = Slots(database);
        using var idle = Slots(database);
        (await idle.TakeAsync(Limit, default).WaitAsync(Patience))!.Release(); // it ran, and sent one a while ago
        await Task.Delay(1100);

        var held = await Task.WhenAll(Enumerable.Range(0, Limit).Select(_ => busy.TakeAsync(Limit, default))).WaitAsync(TimeSpan.FromSeconds(2));

        Assert.All(held, Assert.NotNull);
        Assert.Equal(Limit, busy.ShareOf(Limit));
    }

    [Fact]
    public async Task Take_TheHolderIsKilledMidRequest_ItsSlotsAreTakenAgainAWindowAfterItsSessionEnded()
    {
        var database = Migrated();
        using var dying = Slots(database);
        using var survivor = Slots(database);
        await Task.WhenAll(Enumerable.Range(0, Limit).Select(_ => dying.TakeAsync(Limit, default))).WaitAsync(Patience);
        var waiting = survivor.TakeAsync(Limit, default);
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted, "the survivor took a slot while the other held all three");

        // As a killed process: the server ends the session that holds the slots, with its requests still unanswered.
        Execute(database, "SELECT pg_terminate_backend(holder_pid) FROM global_limit_slots WHERE free_at = 'infinity'");
        var sinceKill = Stopwatch.StartNew();
        var taken = await waiting.WaitAsync(Patience);

        Assert.NotNull(taken);
        Assert.True(sinceKill.Elapsed >= TimeSpan.FromSeconds(1), $"a killed holder's slot was taken again {sinceKill.Elapsed.TotalSeconds:0.000} s after it died");
        Assert.True(sinceKill.Elapsed < TimeSpan.FromSeconds(5), $"a killed holder's slot came back only {sinceKill.Elapsed.TotalSeconds:0.0} s after it died");
    }

    [Fact]
    public async Task Take_AnInstanceSignedInAsAnotherRole_DoesNotTakeTheLiveHoldersSlotsForADeadOnes()
    {
        // PostgreSQL hides when another role's sessions started: the live holder must not look like an ended session.
        var database = Migrated();
        var role = "other_" + Guid.NewGuid().ToString("N")[..8];
        Execute(database, $"CREATE ROLE {role} LOGIN; GRANT SELECT, INSERT, UPDATE ON global_limit_slots TO {role}");
        using var holder = Slots(database);
        using var otherRole = Slots(database.Replace("Username=resultsbot", $"Username={role}", StringComparison.Ordinal));
        var held = await Task.WhenAll(Enumerable.Range(0, Limit).Select(_ => holder.TakeAsync(Limit, default))).WaitAsync(Patience);

        var waiting = otherRole.TakeAsync(Limit, default);
        await Task.Delay(2500); // long enough to look for ended sessions twice and wait out a window after

        Assert.False(waiting.IsCompleted, "an instance signed in as another role took a slot a live instance held");
        held[0]!.Release();
        Assert.NotNull(await waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task Take_AWaitingRequestIsCancelled_TheSlotTakenForItIsNotLost()
    {
        var database = Migrated();
        using var slots = Slots(database);
        var held = await Task.WhenAll(Enumerable.Range(0, Limit).Select(_ => slots.TakeAsync(Limit, default))).WaitAsync(Patience);
        using var givenUp = new CancellationTokenSource();
        var cancelled = slots.TakeAsync(Limit, givenUp.Token);
        await givenUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        foreach (var slot in held)
        {
            slot!.Release();
        }

        await Task.Delay(1100);
        var again = await Task.WhenAll(Enumerable.Range(0, Limit).Select(_ => slots.TakeAsync(Limit, default))).WaitAsync(TimeSpan.FromSeconds(2));
        Assert.All(again, Assert.NotNull);
    }

    [Fact]
    public async Task Take_TheDatabaseIsOutOfReach_RequestsGoOnUnderTheInstancesFixedPart()
    {
        // A port nothing listens on: the connection is refused at once.
        using var slots = Slots(server.ConnectionString("postgres").Replace($"Port={server.Port}", "Port=9", StringComparison.Ordinal));

        var taken = await slots.TakeAsync(50, default).WaitAsync(Patience);

        Assert.Null(taken);
        Assert.Equal(17, slots.ShareOf(50));
        Assert.Null(await slots.TakeAsync(50, default).WaitAsync(TimeSpan.FromSeconds(1)));
    }

    /// <summary>A new database at the program's schema (the slots' table comes with a migration).</summary>
    private string Migrated()
    {
        var database = server.NewDatabase();
        PostgresResultsStore.Open(database, TimeProvider.System).Dispose();
        return database;
    }

    private static PostgresBotWideSlots Slots(string database) =>
        new(database, new FixedPart(), TimeProvider.System, NullLogger<PostgresBotWideSlots>.Instance);

    /// <summary>One instance of three: a third of the limit, and one more of the remainder.</summary>
    private sealed class FixedPart : IGlobalLimitShare
    {
        public int ShareOf(int wholeLimit) => (wholeLimit / 3) + 1;
    }
}
