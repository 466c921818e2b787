using System.Diagnostics;
using System.Globalization;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Storage.Tests;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;


namespace ResultsBot.Tests.Resilience;

/// <summary>
/// Two bots started at once on one PostgreSQL database, Discord in Gateway mode with two shards and max_concurrency 1
/// (one bucket: one identify per five seconds for the whole bot, whichever instance sends it), the fake refusing a
/// too-early identify with an Invalid Session as Discord does: the instances take the turns between them, so none is
/// refused and every identify comes five seconds or more after the one before.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class IdentifyPacingTests(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Start_TwoInstancesAtOnceOneBucket_NoIdentifyRefusedAndEachFiveSecondsAfterTheLast()
    {
        using var fake = new FakeDiscord(ShardFailoverTests.Token, ShardFailoverTests.ApplicationId);
        fake.Gateway.Shards = 2;
        fake.Gateway.MaxConcurrency = 1;
        fake.Gateway.EnforceMaxConcurrency = true;
        fake.Gateway.HeartbeatInterval = TimeSpan.FromSeconds(5);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        var database = postgres.NewDatabase();
        // Both at once: each reads the count from /gateway/bot and goes for the shards it can lease.
        await using var instances = InstancesOnOneDatabase.Start(2, port => ShardFailoverTests.Settings(server, feed, database, port), output);
        var bots = instances.Bots;

        var started = Stopwatch.StartNew();
        await UntilAsync(async () =>
        {
            var runs = new List<List<int>>();
            foreach (var (_, http) in bots)
            {
                runs.Add(await ShardFailoverTests.RunsAsync(http));
            }

            return runs.All(r => r.Count == 1) && runs[0][0] != runs[1][0] && fake.Gateway.IsShardReady(0) && fake.Gateway.IsShardReady(1);
        }, bots, "one shard ready on each instance");
        output.WriteLine($"both shards ready after {started.Elapsed.TotalSeconds:0.00} s");

        var turns = fake.Gateway.IdentifyTurnsTaken;
        output.WriteLine("identifies: " + string.Join(", ", turns.Select(t => t.At.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))));
        Assert.Equal(0, fake.Gateway.ConcurrencyRefusals);
        Assert.True(turns.Count >= 2, $"only {turns.Count} identify");
        for (var i = 1; i < turns.Count; i++)
        {
            var gap = turns[i].At - turns[i - 1].At;
            Assert.True(gap >= TimeSpan.FromSeconds(5), $"identify {i + 1} came {gap.TotalSeconds:0.00} s after the one before");
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, IReadOnlyList<(BotProcess Bot, HttpClient Http)> bots, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Patience)
            {
                Assert.Fail($"Gave up waiting for {what}.\n" + string.Join("\n---\n", bots.Select(b => $"exited: {b.Bot.HasExited}\n{b.Bot.Stderr}")));
            }

            await Task.Delay(100);
        }
    }
}
