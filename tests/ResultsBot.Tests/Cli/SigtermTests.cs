using System.Net;
using System.Net.Sockets;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>SIGTERM is how systemd stops the bot: it ends cleanly (exit 0) and says nothing alarming, whatever was in flight.</summary>
public sealed class SigtermTests
{
    private const string Token = "fake-discord-bot-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(20)]
    public async Task Run_SigtermWhilePostsAreGoingOut_ExitsZeroWithNoErrorsLogged(int postsFirst)
    {
        using var fake = new FakeDiscord(Token, "1234567890");
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        foreach (var file in Directory.GetFiles(Paths.SharedFeeds, "Local_Test_result_*.xml"))
        {
            File.Copy(file, feed.File(Path.GetFileName(file)));
        }

        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Path,
            "--Feed:PollInterval=100ms",
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Discord:BotToken=" + Token,
            "--Discord:ApplicationId=1234567890",
            "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
            "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
            "--Discord:Channels=111,222",
            "--urls",
            $"http://127.0.0.1:{FreePorts.Next()}");
        await Waits.UntilAsync(() => fake.Rest.MessagesIn("111").Count >= postsFirst && fake.Gateway.IsReady, bot, Patience, $"{postsFirst} posts");

        bot.Signal("TERM");

        Assert.Equal(0, await bot.WaitForExitAsync(Patience));
        var alarming = bot.Stderr.Split('\n')
            .Where(l => l.StartsWith("error:", StringComparison.Ordinal) || ErrorLogLine.IsMatch(l) || l.Contains("Exception", StringComparison.Ordinal))
            .ToList();
        Assert.True(alarming.Count == 0, "logged on SIGTERM:\n" + string.Join("\n", alarming));
    }

    [Fact]
    public async Task Run_SigtermWithSlackSocketModeConnectedAndPostsQueued_ExitsZeroWithNoErrorsLogged()
    {
        var slack = new FakeSlackWebApi().AddChannels("C0AAA", "C0BBB");
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack, socket);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        foreach (var file in Directory.GetFiles(Paths.SharedFeeds, "Local_Test_result_*.xml").Take(12))
        {
            File.Copy(file, feed.File(Path.GetFileName(file)));
        }

        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Path,
            "--Feed:PollInterval=100ms",
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
            "--Slack:AppToken=" + socket.AppToken,
            "--Slack:Channels=C0AAA,C0BBB",
            "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"));
        await socket.WaitForConnectionsAsync(1, Patience);
        await Waits.UntilAsync(() => slack.Messages("C0AAA").Count >= 2, bot, Patience, "two posts");

        bot.Signal("TERM");

        Assert.Equal(0, await bot.WaitForExitAsync(Patience));
        var alarming = bot.Stderr.Split('\n')
            .Where(l => l.StartsWith("error:", StringComparison.Ordinal) || ErrorLogLine.IsMatch(l) || l.Contains("Exception", StringComparison.Ordinal))
            .ToList();
        Assert.True(alarming.Count == 0, "logged on SIGTERM:\n" + string.Join("\n", alarming));
    }
}
