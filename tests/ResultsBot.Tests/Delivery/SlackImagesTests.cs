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
    public async Task Run_SampleNightIntoAChannelWithImagesOn_MapsAndChambersWithAltTextOnceEachInOrderAndAnswersWithPictures()
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

        // Answers: the text in the ack, the picture right after at response_url, uploaded like the posts' pictures.
        socket.ResponseUrls.Files = slack;
        var chamber = socket.InjectSlashCommand(new FakeSlackSlashCommand("chamber Thurrock", ChannelId: Channel));
        Assert.Contains("Thurrock", (await chamber.Acked.WaitAsync(Patience)).Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
        var picture = Assert.Single(await socket.ResponseUrls.WaitForPostsAsync(chamber.ResponseUrl!, 1, Patience));
        var block = Assert.Single(picture.GetProperty("blocks").EnumerateArray());
        Assert.Equal("ephemeral", picture.GetProperty("response_type").GetString());
        Assert.StartsWith("Thurrock: the new council as a half circle of 49 seats", block.GetProperty("alt_text").GetString(), StringComparison.Ordinal);
        var answerFile = slack.CompletedFiles[^1];
        Assert.Equal(answerFile.FileId, block.GetProperty("slack_file").GetProperty("id").GetString());
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        SampleNightInSlack.AssertEveryPostOnceInOrderWithItsPictures(slack.Messages(Channel), declarations);
        Assert.Equal(slack.Messages(Channel).Sum(m => m.Images.Count) + 1, slack.CompletedFiles.Count); // every upload shown (the answer's too), none left over
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
