using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Storage.Tests;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Resilience;

/// <summary>
/// Three bots on one PostgreSQL database, each with its own Slack Socket Mode connection (Slack allows ten an app and
/// sends each envelope to one of them): every slash command is answered exactly once, also after one instance is
/// SIGKILLed with commands in flight on its connection (Slack sends those again to another), and the operations
/// channel is told, once, which instance stopped.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class SlackSocketModeInstancesTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Instances = 3;
    private const int Commands = 30;
    private const string News = "C0NEWS";
    private const string Ops = "C0OPS";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_ThreeInstancesInSocketMode_EveryCommandAnsweredOnceAlsoAfterOneIsKilledAndTheOperationsChannelTold()
    {
        var slack = new FakeSlackWebApi().AddChannels(News, Ops);
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack, socket);
        using var feed = new TempDirectory();
        var database = postgres.NewDatabase();
        await using var instances = InstancesOnOneDatabase.Start(Instances, (port, work) => Settings(server, socket, feed, work, database, port), output);
        var bots = instances.Bots;

        await socket.WaitForConnectionsAsync(Instances, Patience);
        feed.CopyFeed("Local_Test_result_Adur_1.xml");
        await UntilAsync(() => slack.Messages(News).Count == 1, bots, "the result posted");
        await UntilAsync(async () => (await RolesAsync(bots)).All(r => r.EndsWith($"; {Instances} instances live", StringComparison.Ordinal)), bots, "every instance counting three live");

        // Every instance has the result a moment after the reader accepted it; then the commands come.
        await Task.Delay(1500);
        var before = await AskAsync(socket, Commands);
        Assert.Equal(Instances, socket.OpenConnections);
        AssertAnsweredOnce(socket, before);
        Assert.Equal(Instances, before.Select(e => e.Connections[0]).Distinct().Count()); // each instance answered some

        // A standby freezes with commands arriving on its connection, and is killed before it answers them.
        var roles = await RolesAsync(bots);
        var victim = bots[roles.FindIndex(r => r.StartsWith("standby: ", StringComparison.Ordinal))];
        var survivors = bots.Where(b => b != victim).ToList();
        victim.Bot.Signal("STOP");
        var after = Enumerable.Range(1, Commands).Select(_ => socket.InjectSlashCommand(new FakeSlackSlashCommand("council Adur", ChannelId: News))).ToList();
        victim.Bot.Kill();
        var killed = Stopwatch.StartNew();
        await UntilAsync(() => after.All(e => e.Acked.IsCompleted), survivors, "every command after the kill answered");
        await Task.Delay(1500); // a second answer, if there were one, would come now
        AssertAnsweredOnce(socket, after);
        Assert.Contains(after, e => e.Deliveries == 2); // those sent to the dead connection went again, to another

        // The feed reader tells the operations channel, once, in one sentence.
        var name = $"{Environment.MachineName}:{victim.Bot.Pid.ToString(CultureInfo.InvariantCulture)}";
        await UntilAsync(() => OpsHeadlines(slack).Any(h => h.Contains(name, StringComparison.Ordinal)), survivors, "the operations channel told");
        output.WriteLine($"the operations channel was told {killed.Elapsed.TotalSeconds:0.0} s after the SIGKILL");
        await UntilAsync(async () => (await RolesAsync(survivors)).All(r => r.EndsWith("; 2 instances live", StringComparison.Ordinal)), survivors, "the survivors counting two live");
        await Task.Delay(2000);
        var told = Assert.Single(OpsHeadlines(slack), h => h.Contains(name, StringComparison.Ordinal));
        Assert.Matches(StoppedSentence(name), told);
        Assert.DoesNotContain(OpsHeadlines(slack), h => h.StartsWith("Feed reader changed", StringComparison.Ordinal));
    }

    private static Regex StoppedSentence(string name) =>
        new($"^Instance {Regex.Escape(name)} stopped answering at [0-2][0-9]:[0-5][0-9]:[0-5][0-9] UTC; the other instances took over its work$", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>Sends <paramref name="count"/> /council commands, a little apart as people type them, and waits for every answer.</summary>
    private static async Task<List<FakeSlackSocketEnvelope>> AskAsync(FakeSlackSocketMode socket, int count)
    {
        var envelopes = new List<FakeSlackSocketEnvelope>();
        for (var i = 0; i < count; i++)
        {
            envelopes.Add(socket.InjectSlashCommand(new FakeSlackSlashCommand("council Adur", ChannelId: News)));
            await Task.Delay(20);
        }

        await Task.WhenAll(envelopes.Select(e => e.Acked)).WaitAsync(Patience);
        await Task.Delay(1500); // a second answer, if there were one, would come now
        return envelopes;
    }

    /// <summary>One ack each, carrying the answer (the same from every instance), and nothing sent to the response_url.</summary>
    private static void AssertAnsweredOnce(FakeSlackSocketMode socket, List<FakeSlackSocketEnvelope> envelopes)
    {
        Assert.All(envelopes, e => Assert.Equal(1, e.AckCount));
        Assert.All(envelopes, e => Assert.Empty(socket.ResponseUrls.Posted(e.ResponseUrl!)));
        var answers = envelopes.Select(e => e.Acked.Result.Payload?.GetProperty("text").GetString() ?? "").ToList();
        Assert.Contains("Adur", answers[0], StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    private static List<string> OpsHeadlines(FakeSlackWebApi slack) =>
        [.. slack.Messages(Ops).Select(m => m.Blocks?[0]?["text"]?["text"]?.ToString() ?? "")];

    private static async Task<List<string>> RolesAsync(IReadOnlyList<(BotProcess Bot, HttpClient Http)> bots)
    {
        var roles = new List<string>();
        foreach (var (_, http) in bots)
        {
            var (_, body) = await Readiness.UntilAsync(http, (_, b) => b.Contains("\"role\"", StringComparison.Ordinal), Patience);
            roles.Add(JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("role").GetString() ?? "");
        }

        return roles;
    }

    private static async Task UntilAsync(Func<bool> condition, IReadOnlyList<(BotProcess Bot, HttpClient Http)> bots, string what) =>
        await UntilAsync(() => Task.FromResult(condition()), bots, what);

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

    private static string[] Settings(FakeServer server, FakeSlackSocketMode socket, TempDirectory feed, TempDirectory work, string database, int port) =>
    [
        .. SlackBotArguments.SocketMode(server, feed, work, socket),
        "--ConnectionStrings:ResultsBot=" + database, // after the SQLite file the common arguments name: the later wins
        "--Slack:Channels=" + News,
        "--Operations:Channel=slack:" + Ops,
        "--urls=http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
    ];
}
