using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The running bot on the fake Discord, as a stranger would try it: anyone can add the bot to a server of
/// their own and hold Manage Channels there. That manages their channel; it does not reach anyone else's.
/// </summary>
public sealed class GlobalCommandTests
{
    private const string Token = "fake-discord-bot-token";
    private const string ApplicationId = "1234567890";
    private const string ConfiguredAdmin = "9";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_ManageChannelsInAServerNotInAdmins_CannotSetTheShareEveryChannelGetsAndIsToldWhy()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var (discord, interactions, gateway) = (fake.Rest, fake.Interactions, fake.Gateway);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Path,
            "--Feed:PollInterval=100ms",
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Discord:BotToken=" + Token,
            "--Discord:ApplicationId=" + ApplicationId,
            "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
            "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
            "--Discord:Channels=111,222",
            "--Admins:0=" + ConfiguredAdmin);
        await Waits.UntilAsync(() => gateway.IsReady && interactions.Registrations.Count > 0 && discord.MessagesIn("111").Count == 1, bot, Patience);

        // A stranger with Manage Channels (16) in their own server, channel 3001.
        var strangersShare = interactions.SlashCommand("share", new Dictionary<string, string> { ["set"] = "Lab 99 source \"[OFFICIAL](http://evil.example)\"" }, userId: "666", permissions: "16", channelId: "3001");
        await gateway.InjectAsync(strangersShare);
        var refused = await strangersShare.WaitForCallbackAsync(Patience);
        var strangersSubscribe = interactions.SlashCommand("subscribe", permissions: "16", userId: "666", channelId: "3001");
        await gateway.InjectAsync(strangersSubscribe);
        var subscribed = await strangersSubscribe.WaitForCallbackAsync(Patience);
        var adminsShare = interactions.SlashCommand("share", new Dictionary<string, string> { ["set"] = "Lab 34 Con 25 source \"BBC\"" }, userId: ConfiguredAdmin, permissions: "0");
        await gateway.InjectAsync(adminsShare);
        var accepted = await adminsShare.WaitForCallbackAsync(Patience);
        await Waits.UntilAsync(() => discord.MessagesIn("222").Count == 2, bot, Patience, "the admin's share in every channel");
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.True(refused.Ephemeral);
        Assert.Equal(
            "Only the bot's configured admins can set the projected national share, because it is posted to every subscribed channel on every server and on Slack; managing this channel is not enough.",
            refused.Content);
        Assert.False(subscribed.Ephemeral); // their own channel is theirs to manage
        Assert.StartsWith("Subscribed: this channel gets", subscribed.Content, StringComparison.Ordinal);
        Assert.False(accepted.Ephemeral);
        foreach (var channel in new[] { "111", "222" })
        {
            var titles = discord.MessagesIn(channel).Select(m => m.Title!).ToList();
            Assert.Equal(2, titles.Count);
            Assert.Equal("Reform UK gain Thurrock from Labour", titles[0]);
            Assert.Equal("Projected national share: Labour lead by 9 points", titles[1]); // the admin's 34 to 25, never the stranger's 99%
        }
    }
}
