using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The running bot with Discord:UserInstall, as a reporter who installed the app to their own account meets it: in a
/// DM, /council answers from the night, and the commands about a channel's subscription (/subscribe, /subscriptions,
/// /unsubscribe) are not offered there at all.
/// </summary>
public sealed class DiscordUserInstallTests
{
    private const string Token = "fake-discord-bot-token";
    private const string ApplicationId = "1234567890";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_UserInstalled_CouncilInADmIsAnsweredAndSubscribeIsNotOfferedThere()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var (discord, interactions, gateway) = (fake.Rest, fake.Interactions, fake.Gateway);
        interactions.SupportedIntegrationTypes = new HashSet<int> { 0, 1 }; // "User Install" on in the Developer Portal
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
            "--Discord:UserInstall=true",
            "--Discord:Channels=111",
            "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
            "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"));
        await Waits.UntilAsync(() => gateway.IsReady && interactions.Registrations.Count > 0 && discord.MessagesIn("111").Count == 1, bot, Patience);
        var inADm = interactions.UserInstalledCommandInADm("council", new Dictionary<string, string> { ["name"] = "Thurrock" }, userId: "2777");
        await gateway.InjectAsync(inADm);
        var answer = await inADm.WaitForCallbackAsync(Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(4, answer.Type);
        Assert.Equal("Reform UK gain Thurrock from Labour", answer.Content!.Split('\n')[0]);
        foreach (var context in new[] { 1, 2 })
        {
            var offered = interactions.OfferedToUserInstalls(context);
            Assert.Contains("council", offered);
            Assert.Contains("scoreboard", offered);
            Assert.DoesNotContain("subscribe", offered);
            Assert.DoesNotContain("unsubscribe", offered);
            Assert.DoesNotContain("subscriptions", offered);
        }

        Assert.Null(interactions.LastRegistrationError);
    }
}
