using ResultsBot.Domain.Messages;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Feeds;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The sample night replayed by the running bot into a Slack channel subscribed with "images on": every post
/// carries its pictures, uploaded with Slack's external upload flow and shown in the post's own message.
/// </summary>
public sealed class SlackImagesTests
{
    private const string Channel = "C0PICS";
    private const string Admin = "U0ADMIN";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static readonly string Sample = Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024");
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Run_SampleNightIntoAChannelWithImagesOn_MapsAndChambersWithAltTextOnceEachInOrder()
    {
        var slack = new FakeSlackWebApi().AddChannels(Channel);
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack, socket);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var declarations = Directory.GetFiles(Sample, "*.xml").Order(StringComparer.Ordinal).Select(f => FeedParser.Parse(File.ReadAllBytes(f), Path.GetFileName(f)).Messages.OfType<CouncilDeclaration>().Single()).ToList();

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

        var messages = slack.Messages(Channel);
        var milestones = messages.Where(m => Header(m).Contains("councils", StringComparison.Ordinal) && Header(m).Contains("declared", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["A quarter of councils declared: 27 of 107", "Half of councils declared: 54 of 107", "Three quarters of councils declared: 81 of 107", "All 107 councils have declared"],
            milestones.Select(Header));
        foreach (var (milestone, declared) in milestones.Zip([27, 54, 81, 107]))
        {
            var map = Assert.Single(milestone.Images);
            Assert.StartsWith("Council control tonight: hex map", map.AltText, StringComparison.Ordinal);
            Assert.Contains($"{declared} of 107 councils declared", map.AltText, StringComparison.Ordinal);
        }

        var councilPosts = messages.Except(milestones).ToList();
        Assert.Equal(declarations.Count, councilPosts.Count);
        foreach (var (post, declaration) in councilPosts.Zip(declarations))
        {
            var name = declaration.Council.Name;
            Assert.True(Header(post).Contains(name, StringComparison.Ordinal), $"expected {name} next, got \"{Header(post)}\"");
            var chamber = post.Images[^1];
            Assert.StartsWith($"{name}: the new council as a half circle", chamber.AltText, StringComparison.Ordinal);
            if (declaration.Controller != declaration.Sitting)
            {
                Assert.Equal(2, post.Images.Count);
                Assert.StartsWith("Council control tonight: hex map", post.Images[0].AltText, StringComparison.Ordinal);
            }
            else
            {
                Assert.Single(post.Images);
            }
        }

        var shown = messages.SelectMany(m => m.Images).ToList();
        Assert.All(shown, image => Assert.Equal(PngSignature, image.Bytes.Take(8)));
        Assert.Equal(shown.Count, shown.Select(i => i.FileId).Distinct().Count());
        Assert.Equal(shown.Count, slack.CompletedFiles.Count); // every upload shown, none twice, none left over
        Assert.DoesNotContain(messages, m => m.FileIds.Count > 0); // no picture shared as a message of its own
        Assert.True(declarations.Any(d => d.Controller != d.Sitting), "the sample should have changes of control");
    }

    private static string Header(FakeSlackMessage message) => message.Blocks?[0]?["text"]?["text"]?.ToString() ?? "";

    private static string[] Settings(FakeServer server, TempDirectory work, FakeSlackSocketMode socket) =>
    [
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
        "--Slack:AppToken=" + socket.AppToken,
        "--Slack:Admins=" + Admin,
        "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
    ];
}
