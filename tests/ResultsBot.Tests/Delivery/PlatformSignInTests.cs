using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>At start the bot asks each platform who it is, so a wrong token shows in the first second, not at the first result.</summary>
public sealed class PlatformSignInTests
{
    private const string ApplicationId = "1234567890";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_RightTokens_SaysWhoTheBotIsOnEachPlatform()
    {
        using var discord = new FakeDiscord("right-discord-token", ApplicationId);
        var slack = new FakeSlackWebApi();
        await using var server = await FakeServer.StartAsync([.. discord.Parts, slack]);
        using var work = new TempDirectory();

        using var bot = BotProcess.Start(work.Path, Settings(server, work, "right-discord-token", FakeSlackWebApi.DefaultToken));
        await Waits.UntilAsync(() => Said(bot, "Discord: signed in as ResultsBot") && Said(bot, "Slack: signed in as resultsbot in Fake Team"), bot, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.DoesNotContain("refused the bot token", bot.Stdout + bot.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WrongTokens_SaysSoAtOnceNamingTheSettingToFix()
    {
        using var discord = new FakeDiscord("right-discord-token", ApplicationId);
        var slack = new FakeSlackWebApi();
        await using var server = await FakeServer.StartAsync([.. discord.Parts, slack]);
        using var work = new TempDirectory();

        using var bot = BotProcess.Start(work.Path, Settings(server, work, "wrong-discord-token", "xoxb-wrong-token"));
        await Waits.UntilAsync(() => Said(bot, "Discord refused the bot token (401): check Discord:BotToken") && Said(bot, "Slack refused the bot token (invalid_auth): check Slack:BotToken"), bot, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.DoesNotContain("wrong-discord-token", bot.Stdout + bot.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-wrong-token", bot.Stdout + bot.Stderr, StringComparison.Ordinal);
    }

    private static bool Said(BotProcess bot, string text) => (bot.Stdout + bot.Stderr).Contains(text, StringComparison.Ordinal);

    private static string[] Settings(FakeServer server, TempDirectory work, string discordToken, string slackToken) =>
    [
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Discord:BotToken=" + discordToken,
        "--Discord:ApplicationId=" + ApplicationId,
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        "--Slack:BotToken=" + slackToken,
        "--Slack:Mode=Http",
        "--Slack:SigningSecret=sign-in-test-secret",
        "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
        "--urls=http://127.0.0.1:0",
    ];
}
