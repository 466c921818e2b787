using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The running bot's Slack Home tab, as someone following the night in Slack sees it: opening the tab shows the
/// scoreboard and the latest declarations; a council declaring afterwards brings the tab up to date by itself.
/// </summary>
public sealed class SlackAppHomeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_HomeTabOpened_ShowsTheNight_AndADeclarationAfterwardsRefreshesIt()
    {
        var slack = new FakeSlackWebApi().AddChannels("C0AAA");
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack, socket);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Adur_1.xml");

        using var bot = BotProcess.Start(work.Path, [.. SlackBotArguments.SocketMode(server, feed, work, socket), "--Slack:Channels=C0AAA", "--Slack:HomeRefresh=1s"]);
        await socket.WaitForConnectionsAsync(1, Patience);
        await Waits.UntilAsync(() => slack.Messages("C0AAA").Count == 1, bot, Patience);

        var opened = socket.InjectAppHomeOpened("U0READER1");
        await opened.Acked.WaitAsync(Patience);
        await Waits.UntilAsync(() => slack.HomeViews("U0READER1").Count == 1, bot, Patience);
        var first = Text(slack.HomeViews("U0READER1")[0]);

        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        await Waits.UntilAsync(() => slack.HomeViews("U0READER1").Count >= 2, bot, Patience);
        await Task.Delay(2500, CancellationToken.None); // two more checks with nothing new: nothing more is published
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var views = slack.HomeViews("U0READER1");
        Assert.Contains("Election night", first, StringComparison.Ordinal);
        Assert.Contains("Adur", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Thurrock", first, StringComparison.Ordinal);
        Assert.Contains("Reform UK gain Thurrock", Text(views[^1]), StringComparison.Ordinal);
        Assert.Equal(2, views.Count);
        Assert.Equal(0, slack.ViewsRateLimitedCount);
        Assert.Empty(slack.HomeViews("U0FAKEUSER"));
    }

    [Fact]
    public async Task Run_MessagesTabOpened_PublishesNoHomeView()
    {
        var slack = new FakeSlackWebApi().AddChannels("C0AAA");
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack, socket);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();

        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Path,
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
            "--Slack:AppToken=" + socket.AppToken,
            "--Slack:HomeRefresh=1s",
            "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"));
        await socket.WaitForConnectionsAsync(1, Patience);
        var messages = socket.InjectAppHomeOpened("U0READER1", tab: "messages");
        await messages.Acked.WaitAsync(Patience);
        var home = socket.InjectAppHomeOpened("U0READER2");
        await home.Acked.WaitAsync(Patience);
        await Waits.UntilAsync(() => slack.HomeViews("U0READER2").Count == 1, bot, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Empty(slack.HomeViews("U0READER1"));
    }

    private static string Text(JsonObject view) => view["blocks"]!.ToJsonString();
}
