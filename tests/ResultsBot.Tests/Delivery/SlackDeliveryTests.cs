using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>The running bot posting into channels of the fake Slack and answering over Socket Mode, as a user would run it.</summary>
public sealed class SlackDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Councils = ["Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Thurrock"];

    [Fact]
    public async Task Run_FeedIntoTwoChannels_EveryDeclarationInOrderNoRejectedCallAndCommandsAnswered()
    {
        var slack = new FakeSlackWebApi().AddChannels("C0AAA", "C0BBB");
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack, socket);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed([.. Councils.Select(c => $"Local_Test_result_{c}_1.xml")]);

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
        var ask = socket.InjectSlashCommand(new FakeSlackSlashCommand("council <@U123> Thurrock"));
        var ack = await ask.Acked.WaitAsync(Patience);
        await Waits.UntilAsync(() => slack.Messages("C0AAA").Count >= Councils.Length && slack.Messages("C0BBB").Count >= Councils.Length, bot, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        foreach (var channel in new[] { "C0AAA", "C0BBB" })
        {
            var headers = slack.Messages(channel).Select(m => m.Blocks![0]!["text"]!["text"]!.ToString()).ToList();
            Assert.Equal(Councils.Order(StringComparer.Ordinal), headers.Select(h => Councils.Single(c => h.Contains(c, StringComparison.Ordinal))));
            Assert.All(slack.Messages(channel), m => Assert.Equal((false, false), m.Unfurl));
        }

        Assert.Equal(0, slack.RateLimitedCount);
        Assert.Empty(slack.Warnings);
        var answer = ack.Payload!.Value.ToString();
        Assert.Contains("Thurrock", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSlackWebApi.DefaultToken, bot.Stderr + bot.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(socket.AppToken, bot.Stderr + bot.Stdout, StringComparison.Ordinal);
    }
}
