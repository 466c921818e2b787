using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The feed server failing and the Discord fake failing (5xx, then a 429 storm) during a night: every post
/// is delivered once things recover, and the operations channel (on Slack) hears of each outage and recovery.
/// </summary>
public sealed class OutageTests
{
    private const string Token = "fake-discord-bot-token";
    private const string ApplicationId = "1234567890";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_FeedAndDiscordFailing_EverythingDeliveredAfterRecoveryAndOperationsHearBoth()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var discord = fake.Rest;
        var slack = new FakeSlackWebApi().AddChannels("C0OPS");
        var socket = new FakeSlackSocketMode();
        await using var platforms = await FakeServer.StartAsync([.. fake.Parts, slack, socket]);
        using var feedFiles = new TempDirectory();
        await using var feed = await FeedServer.StartAsync(feedFiles.Path);
        using var work = new TempDirectory();
        discord.FailAll(502);
        feed.Failing = true;

        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Url,
            "--Feed:PollInterval=100ms",
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Operations:Channel=slack:C0OPS",
            "--Operations:FeedFailingAfter=1s",
            "--Discord:BotToken=" + Token,
            "--Discord:ApplicationId=" + ApplicationId,
            "--Discord:Channels=111",
            "--Discord:ApiBaseUrl=" + new Uri(platforms.BaseUrl, "/api"),
            "--Discord:GatewayUrl=" + new Uri(platforms.WebSocketUrl, "/gateway"),
            "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
            "--Slack:AppToken=" + socket.AppToken,
            "--Slack:ApiBaseUrl=" + new Uri(platforms.BaseUrl, "/api/"));

        await Waits.UntilAsync(() => Ops(slack).Any(h => h.StartsWith("Feed problem", StringComparison.Ordinal)), bot, Patience, "the feed alert");
        feedFiles.CopyFeed("Local_Test_result_Adur_1.xml", "Local_Test_result_Barnet_1.xml", "Local_Test_result_Thurrock_1.xml");
        feed.Failing = false;
        await Waits.UntilAsync(() => Ops(slack).Any(h => h.StartsWith("Discord problem", StringComparison.Ordinal)), bot, Patience, "the Discord alert");
        discord.Heal();
        discord.StartRateLimitStorm(6, TimeSpan.FromMilliseconds(300));
        await Waits.UntilAsync(() => discord.MessagesIn("111").Count == 3 && Ops(slack).Any(h => h.StartsWith("Discord back", StringComparison.Ordinal)), bot, Patience, "the posts and the all-clear");
        await Task.Delay(500, CancellationToken.None);
        bot.Signal("TERM");
        Assert.Equal(0, await bot.WaitForExitAsync(Patience));

        Assert.Equal(3, discord.MessagesIn("111").Count);
        Assert.Equal(3, discord.MessagesIn("111").Select(m => m.Title).Distinct().Count());
        var ops = Ops(slack);
        Assert.Contains(ops, h => h.StartsWith("Feed back", StringComparison.Ordinal));
        Assert.True(ops.FindIndex(h => h.StartsWith("Discord problem", StringComparison.Ordinal)) < ops.FindIndex(h => h.StartsWith("Discord back", StringComparison.Ordinal)));
    }

    private static List<string> Ops(FakeSlackWebApi slack) =>
        [.. slack.Messages("C0OPS").Select(m => m.Blocks?[0]?["text"]?["text"]?.ToString() ?? "")];
}
