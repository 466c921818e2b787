using System.Globalization;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The delivery promise under the worst the machine can do: the bot is killed (SIGKILL) at random
/// moments, again and again, while a feed arrives and posts go out to channels on the Discord and
/// Slack fakes. At the end every channel has every post exactly once, in order.
/// RESULTSBOT_CRASH_RUNS sets how many kills (50 by default; bench/ runs heavier variants).
/// </summary>
public sealed class CrashHarnessTests(ITestOutputHelper output)
{
    private const string DiscordToken = "fake-discord-bot-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly string[] DiscordChannels = ["1001", "1002"];
    private static readonly string[] SlackChannels = ["C0CRASH1", "C0CRASH2"];

    // In name order: files copied between runs are read in one poll in name order, so this is the declaration order.
    private static readonly string[] Councils =
    [
        "Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Birmingham", "Bolton", "Bradford", "Brent", "Bromley",
        "Burnley", "Bury", "Calderdale", "Camden", "Cheltenham", "Coventry", "Croydon", "Dudley", "Ealing", "Exeter",
    ];

    [Fact]
    public async Task Run_KilledAtRandomMomentsWhilePosting_EveryChannelGetsEveryPostExactlyOnceInOrder()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("RESULTSBOT_CRASH_RUNS"), CultureInfo.InvariantCulture, out var n) ? n : 50;
        var seed = Environment.TickCount;
        output.WriteLine($"{runs} kills, seed {seed}");
        var random = new Random(seed);
        using var fake = new FakeDiscord(DiscordToken, "1234567890");
        var discord = fake.Rest;
        var slack = new FakeSlackWebApi().AddChannels(SlackChannels);
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync([.. fake.Parts, slack, socket]);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var copied = 0;

        for (var run = 0; run < runs; run++)
        {
            // Feed files keep arriving across the runs, so kills land in reading, storing and sending alike.
            var arriving = Math.Min(Councils.Length, (run + 1) * Councils.Length / Math.Max(1, runs * 2 / 3));
            for (; copied < arriving; copied++)
            {
                feed.CopyFeed($"Local_Test_result_{Councils[copied]}_1.xml");
            }

            using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, socket));
            await Task.Delay(random.Next(150, 1500));
            bot.Signal("KILL");
            await bot.WaitForExitAsync(Patience);
        }

        for (; copied < Councils.Length; copied++)
        {
            feed.CopyFeed($"Local_Test_result_{Councils[copied]}_1.xml");
        }

        using (var last = BotProcess.Start(work.Path, Settings(server, feed, work, socket)))
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (!AllDelivered(discord, slack) && !timeout.IsCancellationRequested && !last.HasExited)
            {
                await Task.Delay(100, CancellationToken.None);
            }

            await Task.Delay(1500, CancellationToken.None); // a repeat, if there were one, would come now
            last.Signal("TERM");
            await last.WaitForExitAsync(Patience);
            output.WriteLine(last.Stderr);
        }

        foreach (var channel in DiscordChannels)
        {
            AssertEveryCouncilOnceInOrder($"discord:{channel}", [.. discord.MessagesIn(channel).Select(m => m.Title ?? "")]);
        }

        foreach (var channel in SlackChannels)
        {
            AssertEveryCouncilOnceInOrder($"slack:{channel}", [.. slack.Messages(channel).Select(m => m.Blocks?[0]?["text"]?["text"]?.ToString() ?? "")]);
        }
    }

    private static void AssertEveryCouncilOnceInOrder(string channel, IReadOnlyList<string> titles)
    {
        var councils = titles.Select(t => Councils.SingleOrDefault(c => t.Contains(c, StringComparison.Ordinal)) ?? $"(not a council: {t})").ToList();
        Assert.True(Councils.SequenceEqual(councils), $"{channel} got:\n{string.Join("\n", titles)}");
    }

    private static bool AllDelivered(FakeDiscordRest discord, FakeSlackWebApi slack) =>
        DiscordChannels.All(c => discord.MessagesIn(c).Count >= Councils.Length) && SlackChannels.All(c => slack.Messages(c).Count >= Councils.Length);

    private static string[] Settings(FakeServer server, TempDirectory feed, TempDirectory work, FakeSlackSocketMode socket) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Discord:BotToken=" + DiscordToken,
        "--Discord:ApplicationId=1234567890",
        "--Discord:Channels=" + string.Join(',', DiscordChannels),
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
        "--Slack:AppToken=" + socket.AppToken,
        "--Slack:Channels=" + string.Join(',', SlackChannels),
        "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
    ];
}
