using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Storage.Tests;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Resilience;

/// <summary>
/// Three bots on one PostgreSQL database, as a hosted bot runs on three machines: one reads the feed and posts, the
/// others stand by. The reader is SIGKILLed mid-night; another takes over within seconds, and every channel still gets
/// every post exactly once, in order; afterwards every instance answers a command with the same figures.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class FailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Token = "fake-discord-bot-token";
    private const int Instances = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Channels = ["1001", "1002"];
    private const string OperationsChannel = "1009";

    // In name order, which is the order one poll reads them in.
    private static readonly string[] Councils =
    [
        "Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Birmingham", "Bolton", "Bradford", "Brent", "Bromley",
        "Burnley", "Bury", "Calderdale", "Camden", "Cheltenham", "Coventry", "Croydon", "Dudley", "Ealing", "Exeter",
    ];

    [Fact]
    public async Task Run_ThreeInstancesOnOneDatabase_TheReaderKilledMidNight_AnotherTakesOverAndEveryChannelGetsEveryPostOnceInOrder()
    {
        using var fake = new FakeDiscord(Token, "1234567890");
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        var database = postgres.NewDatabase();
        var bots = new List<(BotProcess Bot, HttpClient Http)>();
        var folders = new List<TempDirectory>();
        try
        {
            for (var i = 0; i < Instances; i++)
            {
                var work = new TempDirectory();
                folders.Add(work);
                var port = FreePorts.Next();
                bots.Add((BotProcess.Start(work.Path, Settings(server, feed, database, port)), new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }));
            }

            // The first part of the night, read and posted by whichever instance holds the feed lease.
            Land(feed, Councils[..8]);
            await UntilAsync(() => Delivered(discord, 8), bots, "the first eight posts on every channel");
            var readers = await RolesAsync(bots);
            Assert.Equal(1, readers.Count(r => r.StartsWith("feed reader: ", StringComparison.Ordinal)));
            Assert.Equal(Instances - 1, readers.Count(r => r.StartsWith("standby: ", StringComparison.Ordinal)));
            var reader = bots[readers.FindIndex(r => r.StartsWith("feed reader: ", StringComparison.Ordinal))];

            // Mid-night: more results land and the reader dies with them half taken.
            Land(feed, Councils[8..12]);
            await Task.Delay(150);
            reader.Bot.Kill();
            var sinceKill = Stopwatch.StartNew();
            var survivors = bots.Where(b => b != reader).ToList();
            Land(feed, Councils[12..13]);
            var takenOver = await UntilTakenOverAsync(survivors);
            var tookOver = sinceKill.Elapsed;
            await UntilAsync(() => Channels.All(c => discord.MessagesIn(c).Any(m => (m.Title ?? "").Contains(Councils[12], StringComparison.Ordinal))), survivors, "the first result after the kill");
            var firstPostAfterKill = sinceKill.Elapsed;
            output.WriteLine($"took over {tookOver.TotalSeconds:0.00} s after the SIGKILL; the first result landed after it was posted at {firstPostAfterKill.TotalSeconds:0.00} s");
            Assert.True(tookOver < TimeSpan.FromSeconds(10), $"took over only after {tookOver}");
            Assert.Equal(1, await FeedReaderGaugeAsync(survivors[takenOver].Http));
            Assert.Equal(0, await FeedReaderGaugeAsync(survivors[1 - takenOver].Http));
            await UntilAsync(() => survivors[takenOver].Bot.Stderr.Contains("Took over reading the feed after", StringComparison.Ordinal), survivors, "the log line saying so");
            await UntilAsync(() => discord.MessagesIn(OperationsChannel).Any(m => (m.Title ?? "").StartsWith("Feed reader changed: ", StringComparison.Ordinal)), survivors, "the operations channel told");
            var readerName = $"{Environment.MachineName}:{reader.Bot.Pid.ToString(CultureInfo.InvariantCulture)}";
            var tookOverName = $"{Environment.MachineName}:{survivors[takenOver].Bot.Pid.ToString(CultureInfo.InvariantCulture)}";

            Land(feed, Councils[13..]);
            await UntilAsync(() => Delivered(discord, Councils.Length), survivors, "every post on every channel");
            await Task.Delay(1500); // a repeat, if there were one, would come now

            // The reader's stop and the takeover are one sentence, one alert: not told again as an instance that stopped.
            await Task.Delay(TimeSpan.FromSeconds(5) - sinceKill.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
            var aboutTheReader = discord.MessagesIn(OperationsChannel).Select(m => m.Title ?? "").Where(t => t.Contains(readerName, StringComparison.Ordinal)).ToList();
            Assert.Matches(
                $"^Feed reader changed: instance {Regex.Escape(readerName)} stopped answering at [0-2][0-9]:[0-5][0-9]:[0-5][0-9] UTC; {Regex.Escape(tookOverName)} took over reading the feed (within a second|after [0-9]+ seconds?)$",
                Assert.Single(aboutTheReader));

            foreach (var channel in Channels)
            {
                var titles = discord.MessagesIn(channel).Select(m => m.Title ?? "").ToList();
                var councils = titles.Select(t => Councils.SingleOrDefault(c => t.Contains(c, StringComparison.Ordinal)) ?? $"(not a council: {t})");
                Assert.True(Councils.SequenceEqual(councils), $"discord:{channel} got:\n{string.Join("\n", titles)}");
            }

            // Each instance, asked the same after the last acceptance, gives the same answer.
            var answers = new List<string>();
            foreach (var (bot, _) in survivors)
            {
                answers.Add(await AskAsync(bot, "/declared"));
            }

            output.WriteLine(answers[0]);
            Assert.StartsWith("20 councils declared.", answers[0], StringComparison.Ordinal);
            Assert.All(answers, a => Assert.Equal(answers[0], a));

            // An admin's change made on a standby reaches every instance, and its post goes out once, from the reader.
            var standby = survivors[1 - takenOver];
            var set = await AskAsync(standby.Bot, "/share set Lab 34 Con 25 LD 17 source \"BBC projected national share\"");
            var sinceSet = Stopwatch.StartNew();
            string elsewhere;
            do
            {
                elsewhere = await AskAsync(survivors[takenOver].Bot, "/share");
            }
            while (!elsewhere.Contains("Labour lead by 9 points", StringComparison.Ordinal) && sinceSet.Elapsed < Patience);
            output.WriteLine($"the share set on the standby was in the reader's answer after {sinceSet.Elapsed.TotalSeconds:0.00} s");
            Assert.True(sinceSet.Elapsed < TimeSpan.FromSeconds(3), $"{set}\n{elsewhere}");
            await UntilAsync(() => Delivered(discord, Councils.Length + 1), survivors, "the share's post on every channel");
            await Task.Delay(1500);
            Assert.All(Channels, c => Assert.Equal(Councils.Length + 1, discord.MessagesIn(c).Count));
            Assert.Equal(await AskAsync(standby.Bot, "/share"), await AskAsync(survivors[takenOver].Bot, "/share"));
            Assert.Equal(0, await DeliveredToDiscordAsync(standby.Http)); // the reader sent it, and everything else
            Assert.True(await DeliveredToDiscordAsync(survivors[takenOver].Http) > 0);
            // No 429 for the bot's global limit, which the fake counts per token across connections. (A bucket's 429 can
            // come: the new reader learns a channel's bucket, which the killed one had used, from Discord's answer.)
            output.WriteLine($"429s from the fake: {discord.RateLimitedCount}, of which for the global limit {discord.GlobalRateLimitedCount}");
            Assert.Equal(0, discord.GlobalRateLimitedCount);
        }
        finally
        {
            foreach (var (bot, http) in bots)
            {
                bot.Signal("TERM");
                try
                {
                    await bot.WaitForExitAsync(TimeSpan.FromSeconds(20));
                }
                catch (OperationCanceledException)
                {
                    // Killed below.
                }

                output.WriteLine($"--- instance {bot.Pid} stderr:\n{bot.Stderr}");
                http.Dispose();
                bot.Dispose();
            }

            folders.ForEach(f => f.Dispose());
        }
    }

    private static async Task<int> FeedReaderGaugeAsync(HttpClient http)
    {
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = metrics.Split('\n').Single(l => l.StartsWith("resultsbot_feed_reader", StringComparison.Ordinal));
        return int.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task<int> DeliveredToDiscordAsync(HttpClient http)
    {
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = metrics.Split('\n').Single(l => l.StartsWith("resultsbot_posts_delivered_total{", StringComparison.Ordinal) && l.Contains("platform=\"discord\"", StringComparison.Ordinal));
        return int.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    // The files arrive as a live feed's do: each with a time stamp later than the last, in declaration order.
    private static void Land(TempDirectory feed, IEnumerable<string> councils)
    {
        foreach (var council in councils)
        {
            feed.CopyFeed($"Local_Test_result_{council}_1.xml");
        }
    }

    private static bool Delivered(FakeDiscordRest discord, int count) => Channels.All(c => discord.MessagesIn(c).Count >= count);

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

    private static async Task<int> UntilTakenOverAsync(IReadOnlyList<(BotProcess Bot, HttpClient Http)> survivors)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            var roles = await RolesAsync(survivors);
            var reader = roles.FindIndex(r => r.StartsWith("feed reader: ", StringComparison.Ordinal));
            if (reader >= 0)
            {
                return reader;
            }

            await Task.Delay(100);
        }

        Assert.Fail("no instance took over reading the feed:\n" + string.Join("\n---\n", survivors.Select(s => s.Bot.Stderr)));
        return -1;
    }

    private static async Task UntilAsync(Func<bool> condition, IReadOnlyList<(BotProcess Bot, HttpClient Http)> bots, string what)
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

    // The answer is the block the bot writes after the command: what it wrote before is left behind.
    private static async Task<string> AskAsync(BotProcess bot, string command)
    {
        var before = bot.Stdout.Length;
        await bot.Stdin.WriteLineAsync(command);
        await bot.Stdin.FlushAsync();
        await bot.WaitForOutputAsync(o => o.Length > before && o[before..].Contains("\n\n", StringComparison.Ordinal), Patience, $"the answer to {command}");
        await Task.Delay(200);
        return bot.Stdout[before..].Trim();
    }

    private static string[] Settings(FakeServer server, TempDirectory feed, string database, int port) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=" + database,
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=1234567890",
        "--Discord:Channels=" + string.Join(',', Channels),
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        "--urls=http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
        "--Admins:0=console",
        "--Operations:Channel=discord:" + OperationsChannel,
    ];
}
