using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Storage.Tests;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;
using static ResultsBot.Tests.Resilience.InstancesOnOneDatabase;

namespace ResultsBot.Tests.Resilience;

/// <summary>
/// Three bots on one PostgreSQL database, as a hosted bot runs on three machines: one reads the feed, the others stand
/// by to take it over (each delivers the channels of its delivery partitions: see <see cref="DeliveryFailoverTests"/>). The reader is SIGKILLed mid-night; another takes over within seconds, and every channel still gets
/// every post exactly once, in order; afterwards every instance answers a command with the same figures.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class FailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Instances = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Channels = ["1001", "1002"];
    private const string OperationsChannel = "1009";

    [Fact]
    public async Task Run_ThreeInstancesOnOneDatabase_TheReaderKilledMidNight_AnotherTakesOverAndEveryChannelGetsEveryPostOnceInOrder()
    {
        using var fake = new FakeDiscord(Token, "1234567890");
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        var database = postgres.NewDatabase();
        await using var instances = InstancesOnOneDatabase.Start(Instances, port => Settings(server, feed, database, port), output);
        var bots = instances.Bots;

        // The first part of the night, read by whichever instance holds the feed lease.
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
        Assert.Equal(1, await MetricAsync(survivors[takenOver].Http, "resultsbot_feed_reader"));
        Assert.Equal(0, await MetricAsync(survivors[1 - takenOver].Http, "resultsbot_feed_reader"));
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

        EveryCouncilOnceInOrder(discord, Channels);

        // Each instance, asked the same after the last acceptance, gives the same answer.
        var answers = new List<string>();
        foreach (var (bot, _) in survivors)
        {
            answers.Add(await AskAsync(bot, "/declared"));
        }

        output.WriteLine(answers[0]);
        Assert.StartsWith("20 councils declared.", answers[0], StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(answers[0], a));

        // An admin's change made on a standby reaches every instance, and its post goes out once on every channel.
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
        // No 429 for the bot's global limit, which the fake counts per token across connections. (A bucket's 429 can
        // come: the new deliverer learns a channel's bucket, which the killed one had used, from Discord's answer.)
        output.WriteLine($"429s from the fake: {discord.RateLimitedCount}, of which for the global limit {discord.GlobalRateLimitedCount}");
        Assert.Equal(0, discord.GlobalRateLimitedCount);
    }

    private static bool Delivered(FakeDiscordRest discord, int count) => Channels.All(c => discord.MessagesIn(c).Count >= count);

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
        .. InstancesOnOneDatabase.Settings(server, feed, database, port, Channels),
        "--Admins:0=console",
        "--Operations:Channel=discord:" + OperationsChannel,
    ];
}
