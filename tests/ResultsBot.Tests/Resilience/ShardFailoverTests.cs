using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Storage.Tests;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Resilience;

/// <summary>
/// Two bots on one PostgreSQL database, Discord in Gateway mode with two shards: each shard is run by one instance,
/// so every interaction is answered once; the instance running a shard is SIGKILLed and the other takes the shard
/// over within seconds, and answers that shard's interactions again.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class ShardFailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    internal const string Token = "fake-discord-bot-token";
    internal const string ApplicationId = "1234567890";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    // Guild ids on each of two shards, by Discord's (guild_id >> 22) % 2.
    private static readonly string[] GuildOnShard = ["4001", ((1UL << 22) + 4001).ToString(CultureInfo.InvariantCulture)];

    [Fact]
    public async Task Run_TwoInstancesTwoShards_EachShardRunOnceAndTakenOverWhenItsInstanceIsKilled()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        fake.Gateway.Shards = 2;
        fake.Gateway.MaxConcurrency = 2; // one shard a bucket: both instances may identify at once
        fake.Gateway.EnforceMaxConcurrency = true;
        fake.Gateway.HeartbeatInterval = TimeSpan.FromSeconds(5);
        Assert.Equal([0, 1], GuildOnShard.Select(g => FakeDiscordGateway.ShardOf(ulong.Parse(g, CultureInfo.InvariantCulture), 2)));
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        var database = postgres.NewDatabase();
        await using var instances = InstancesOnOneDatabase.Start(2, port => Settings(server, feed, database, port), output);
        var bots = instances.Bots;

        // Each instance runs one shard (a late starter is handed its share), and Discord has a session on each.
        var started = Stopwatch.StartNew();
        var shards = await UntilAsync(bots, s => s.All(r => r.Count == 1) && s[0][0] != s[1][0], "one shard on each instance");
        await Until(() => fake.Gateway.IsShardReady(0) && fake.Gateway.IsShardReady(1), bots, "both shards ready on the fake");
        output.WriteLine($"shards spread ({string.Join(" | ", shards.Select(s => string.Join(",", s)))}) after {started.Elapsed.TotalSeconds:0.00} s");

        // An interaction in a server on each shard is answered, once.
        await AnsweredOnceAsync(fake, GuildOnShard[0], bots);
        await AnsweredOnceAsync(fake, GuildOnShard[1], bots);

        // The instance running shard 0 dies; the other runs both shards within seconds.
        var victim = shards[0][0] == 0 ? 0 : 1;
        var survivor = 1 - victim;
        bots[victim].Bot.Kill();
        var sinceKill = Stopwatch.StartNew();
        await UntilAsync([bots[survivor]], s => s[0].Count == 2, "the survivor running both shards");
        await Until(() => fake.Gateway.IsShardReady(0), [bots[survivor]], "shard 0 ready again on the fake");
        var tookOver = sinceKill.Elapsed;
        output.WriteLine($"shard 0 taken over {tookOver.TotalSeconds:0.00} s after the SIGKILL");
        Assert.True(tookOver < TimeSpan.FromSeconds(10), $"took over only after {tookOver}");
        Assert.Equal([0, 1], await RunsAsync(bots[survivor].Http));

        await AnsweredOnceAsync(fake, GuildOnShard[0], [bots[survivor]]);
        await AnsweredOnceAsync(fake, GuildOnShard[1], [bots[survivor]]);
    }

    private static async Task AnsweredOnceAsync(FakeDiscord fake, string guild, IReadOnlyList<(BotProcess Bot, HttpClient Http)> bots)
    {
        var command = fake.Interactions.SlashCommand("declared", guildId: guild);
        await fake.Gateway.InjectAsync(command);
        Task<FakeDiscordInteractionsCallback> callback = command.WaitForCallbackAsync(Patience);
        try
        {
            await callback;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no answer to an interaction in guild {guild}\n" + string.Join("\n---\n", bots.Select(b => b.Bot.Stderr)));
        }

        await Task.Delay(1000); // a second answer, if another instance also had it, would be refused by now
        Assert.Equal(0, command.RefusedCallbacks);
    }

    /// <summary>The shards each instance says it runs, once every instance says so (its /readyz role).</summary>
    private static async Task<List<List<int>>> UntilAsync(IReadOnlyList<(BotProcess Bot, HttpClient Http)> bots, Func<List<List<int>>, bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var runs = new List<List<int>>();
            foreach (var (_, http) in bots)
            {
                runs.Add(await RunsAsync(http));
            }

            if (condition(runs))
            {
                return runs;
            }

            if (waited.Elapsed > Patience)
            {
                Assert.Fail($"Gave up waiting for {what}: {string.Join(" | ", runs.Select(r => string.Join(",", r)))}\n" + string.Join("\n---\n", bots.Select(b => b.Bot.Stderr)));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The shards /readyz's role says this instance runs ("…; runs Discord shards 0, 1 of 2").</summary>
    internal static async Task<List<int>> RunsAsync(HttpClient http)
    {
        string body;
        try
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            body = await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException)
        {
            return []; // not listening yet
        }

        var role = JsonDocument.Parse(body).RootElement.GetProperty("checks").TryGetProperty("role", out var r) ? r.GetString() ?? "" : "";
        var at = role.IndexOf("; runs Discord shard", StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        var words = role[at..].Split(' ');
        return [.. words.SkipWhile(w => !w.StartsWith("shard", StringComparison.Ordinal)).Skip(1).TakeWhile(w => w != "of").Select(w => int.Parse(w.TrimEnd(','), CultureInfo.InvariantCulture))];
    }

    private static async Task Until(Func<bool> condition, IReadOnlyList<(BotProcess Bot, HttpClient Http)> bots, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Patience)
            {
                Assert.Fail($"Gave up waiting for {what}.\n" + string.Join("\n---\n", bots.Select(b => $"exited: {b.Bot.HasExited}\n{b.Bot.Stderr}")));
            }

            await Task.Delay(50);
        }
    }

    internal static string[] Settings(FakeServer server, TempDirectory feed, string database, int port) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=" + database,
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=" + ApplicationId,
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--urls=http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
    ];
}
