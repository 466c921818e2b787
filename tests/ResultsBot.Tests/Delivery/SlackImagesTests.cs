using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The sample night replayed by the running bot into a Slack channel subscribed with "images on": every post
/// carries its pictures, uploaded with Slack's external upload flow and shown in the post's own message.
/// </summary>
public sealed class SlackImagesTests
{
    internal const string Channel = "C0PICS";
    internal const string Admin = "U0ADMIN";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Run_SampleNightIntoAChannelWithImagesOn_MapsAndChambersWithAltTextOnceEachInOrder()
    {
        var slack = new FakeSlackWebApi().AddChannels(Channel);
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack, socket);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var declarations = SampleNightInSlack.Declarations();

        // First the channel subscribes (the bot reading an empty folder), then the bot replays the bundled sample
        // night into it: a whole feed, so the night's milestones are known.
        using (var first = BotProcess.Start(work.Path, [.. Settings(server, work, socket), "--Feed:Source=" + feed.Path]))
        {
            await socket.WaitForConnectionsAsync(1, Patience);
            var subscribe = socket.InjectSlashCommand(new FakeSlackSlashCommand("subscribe images on", UserId: Admin, ChannelId: Channel));
            Assert.Contains("with pictures", (await subscribe.Acked.WaitAsync(Patience)).Payload!.Value.ToString(), StringComparison.Ordinal);
            first.Signal("TERM");
            await first.WaitForExitAsync(Patience);
        }

        using var bot = BotProcess.Start(work.Path, [.. Settings(server, work, socket), "--Replay:Speed=1000000"]);
        await Waits.UntilAsync(() => slack.Messages(Channel).Count >= declarations.Count + 4, bot, Patience, "the whole night in the channel");
        await Task.Delay(1500); // a repeat, if there were one, would come now
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        SampleNightInSlack.AssertEveryPostOnceInOrderWithItsPictures(slack.Messages(Channel), declarations);
        Assert.Equal(slack.Messages(Channel).Sum(m => m.Images.Count), slack.CompletedFiles.Count); // every upload shown, none left over
    }

    internal static string[] Settings(FakeServer server, TempDirectory work, FakeSlackSocketMode socket) =>
    [
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
        "--Slack:AppToken=" + socket.AppToken,
        "--Slack:Admins=" + Admin,
        "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
    ];
}
