using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>The running bot posting a feed into channels of the fake Discord, as a user would run it.</summary>
public sealed class DiscordDeliveryTests
{
    private const string Token = "fake-discord-bot-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Councils = ["Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Thurrock", "Bolton", "Birmingham"];

    [Fact]
    public async Task Run_FeedIntoTwoChannels_EveryDeclarationBecomesAnEmbedInOrderWithoutA429()
    {
        var discord = new FakeDiscordRest(Token);
        await using var server = await FakeServer.StartAsync(discord);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed([.. Councils.Select(c => $"Local_Test_result_{c}_1.xml")]);

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Channels=111,222"));
        await WaitUntil(() => discord.MessagesIn("111").Count >= Councils.Length && discord.MessagesIn("222").Count >= Councils.Length, bot);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        foreach (var channel in new[] { "111", "222" })
        {
            var titles = discord.MessagesIn(channel).Select(m => m.Title).ToList();
            // One poll takes the files in name order, so that is the order of the declarations.
            Assert.Equal(Councils.Order(StringComparer.Ordinal), titles.Select(t => Councils.Single(c => t!.Contains(c, StringComparison.Ordinal))));
        }

        Assert.Equal(0, discord.RateLimitedCount);
        Assert.Empty(discord.Rejections);
        Assert.DoesNotContain(Token, bot.Stderr + bot.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ChannelDeletedMidNight_IsPausedAndReportedWhileTheOthersCarryOn()
    {
        var discord = new FakeDiscordRest(Token);
        await using var server = await FakeServer.StartAsync(discord);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        discord.DeleteChannel("222");
        feed.CopyFeed([.. Councils[..4].Select(c => $"Local_Test_result_{c}_1.xml")]);

        using var bot = BotProcess.Start(work.Path, Settings(server, feed, work, "--Discord:Channels=111,222,333", "--Operations:Channel=discord:333"));
        await WaitUntil(() => discord.MessagesIn("111").Count >= 4, bot);
        await WaitUntil(() => discord.MessagesIn("333").Any(m => m.Title == "Channel discord:222 paused"), bot);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Contains("Channel discord:222 paused: ", bot.Stderr, StringComparison.Ordinal);
        Assert.Contains("Unknown Channel", bot.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, discord.MessagesIn("111").Count);
        Assert.Empty(discord.MessagesIn("222"));
    }

    private static string[] Settings(FakeServer server, TempDirectory feed, TempDirectory work, params string[] more) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=1234567890",
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        .. more,
    ];

    private static async Task WaitUntil(Func<bool> condition, BotProcess bot)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            if (bot.HasExited || timeout.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting (exited: {bot.HasExited}).\nstderr:\n{bot.Stderr}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
