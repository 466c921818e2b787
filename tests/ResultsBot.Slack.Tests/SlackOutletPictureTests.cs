using ResultsBot.Domain.Posts;
using ResultsBot.Fakes.Slack;
using ResultsBot.Platforms;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Tests;

/// <summary>Pictures with posts: uploaded unshared by Slack's external upload flow, shown in the post's own message.</summary>
public sealed class SlackOutletPictureTests
{
    private static readonly SlackRateLimits Quick = SlackRateLimits.Default with { RequestTimeout = TimeSpan.FromSeconds(5) };

    private static readonly PostImage Map = new("map.png", [1, 2, 3, 4, 5], "A hex map of council control: Labour 50, Conservative 20, no overall control 10.");
    private static readonly PostImage Chamber = new("chamber.png", [9, 8, 7], "Thurrock's new council as a hemicycle: Labour 30, Conservative 15.");

    [Fact]
    public async Task SendAsync_PostWithPictures_OneMessageShowsThemInOrderWithAltTextBeforeTheFooter()
    {
        await using var rig = await WebApiRig.StartAsync(new FakeSlackWebApi().AddChannels("C1"), Quick);

        var ts = await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Labour gain Thurrock from Conservatives")) { Images = [Map, Chamber] }, CancellationToken.None);

        var message = Assert.Single(rig.Slack.Messages("C1"));
        Assert.Equal(ts, message.Ts);
        Assert.Equal("1", message.DeliveryId);
        Assert.Equal(["map.png", "chamber.png"], message.Images.Select(i => i.Name));
        Assert.Equal([Map.AltText, Chamber.AltText], message.Images.Select(i => i.AltText));
        Assert.Equal(Map.Png, message.Images[0].Bytes);
        Assert.Equal(Chamber.Png, message.Images[1].Bytes);
        Assert.Equal(["header", "section", "image", "image", "context"], message.Blocks!.Select(b => (string?)b!["type"]));
        Assert.DoesNotContain(rig.Slack.Messages("C1"), m => m.FileIds.Count > 0); // nothing shared as a message of its own
    }

    [Fact]
    public async Task SendAsync_FileStillProcessing_WaitsAndThenShowsIt()
    {
        var slack = new FakeSlackWebApi().AddChannels("C1");
        slack.FilesProcessingFor = 2;
        await using var rig = await WebApiRig.StartAsync(slack, Quick with { PictureProcessingWait = TimeSpan.FromMilliseconds(50) });

        await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Milestone: 50 of 107 councils declared")) { Images = [Map] }, CancellationToken.None);

        var message = Assert.Single(rig.Slack.Messages("C1"));
        Assert.Equal(Map.AltText, Assert.Single(message.Images).AltText);
    }

    [Fact]
    public async Task SendAsync_FileNeverProcessed_TextGoesWithoutItAndSaysWhy()
    {
        var slack = new FakeSlackWebApi().AddChannels("C1");
        slack.FilesProcessingFor = 100;
        var log = new LogLines<SlackOutlet>();
        await using var rig = await WebApiRig.StartAsync(slack, Quick with { PictureProcessingWait = TimeSpan.FromMilliseconds(20), PictureProcessingTries = 2 }, log);

        await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Milestone: 50 of 107 councils declared")) { Images = [Map] }, CancellationToken.None);

        var message = Assert.Single(rig.Slack.Messages("C1"));
        Assert.Empty(message.Images);
        Assert.Equal("Milestone: 50 of 107 councils declared", message.Text!.Split('\n')[0]);
        Assert.Contains("Slack still did not show the pictures of k in C1 after 3 tries: it goes without them", log.Warnings);
    }

    [Fact]
    public async Task SendAsync_AppWithoutFilesWriteScope_TextGoesAloneAndTheWarningNamesTheScope()
    {
        var slack = new FakeSlackWebApi().AddChannels("C1");
        slack.Scopes = ["chat:write", "channels:history", "commands"];
        var log = new LogLines<SlackOutlet>();
        await using var rig = await WebApiRig.StartAsync(slack, Quick, log);

        await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("One")) { Images = [Map] }, CancellationToken.None);
        await rig.Outlet.SendAsync(new OutgoingPost(2, "C1", Post("Two")) { Images = [Map] }, CancellationToken.None);

        Assert.All(rig.Slack.Messages("C1"), m => Assert.Empty(m.Images));
        Assert.Equal(2, rig.Slack.Messages("C1").Count);
        Assert.Equal(0, slack.UploadsStarted);
        var warning = Assert.Single(log.Warnings); // once, not once a post
        Assert.Equal("Slack refused pictures: the app lacks the files:write scope (add it as slack-app-manifest.yml has it and reinstall the app); posts go without pictures meanwhile", warning);
    }

    [Fact]
    public async Task SendAsync_UploadSlowerThanTheBudget_TextDoesNotWaitForIt()
    {
        var slack = new FakeSlackWebApi().AddChannels("C1");
        slack.UploadDelay = TimeSpan.FromSeconds(30);
        await using var rig = await WebApiRig.StartAsync(slack, Quick with { PictureUploadBudget = TimeSpan.FromMilliseconds(300) });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Milestone")) { Images = [Map, Chamber] }, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Empty(Assert.Single(rig.Slack.Messages("C1")).Images);
    }

    [Fact]
    public async Task SendAsync_CorrectionWithNewPictures_ReplacesTheOriginals()
    {
        await using var rig = await WebApiRig.StartAsync(new FakeSlackWebApi().AddChannels("C1"), Quick);
        var original = await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Labour gain Thurrock")) { Images = [Map, Chamber] }, CancellationToken.None);
        var newChamber = new PostImage("chamber.png", [4, 4, 4, 4], "Thurrock's corrected council: Labour 31, Conservative 14.");

        await rig.Outlet.SendAsync(new OutgoingPost(2, "C1", new Post(PostKind.Correction, "k", "Correction: Labour gain Thurrock", [PostSection.Plain("Labour 31 not 30.")]), OriginalMessageId: original) { Images = [newChamber] }, CancellationToken.None);

        var edited = Assert.Single(rig.Slack.Messages("C1"));
        Assert.Equal(original, edited.Ts);
        var shown = Assert.Single(edited.Images);
        Assert.Equal(newChamber.AltText, shown.AltText);
        Assert.Equal(newChamber.Png, shown.Bytes);
    }

    [Fact]
    public async Task SendAsync_AttemptedBeforeACrashAndAlreadyThere_UploadsNothingMore()
    {
        await using var rig = await WebApiRig.StartAsync(new FakeSlackWebApi().AddChannels("C1"), Quick);
        var first = await rig.Outlet.SendAsync(new OutgoingPost(7, "C1", Post("Milestone")) { Images = [Map] }, CancellationToken.None);

        var again = await rig.Outlet.SendAsync(new OutgoingPost(7, "C1", Post("Milestone")) { Images = [Map], Attempted = true }, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(1, rig.Slack.UploadsStarted);
        Assert.Single(Assert.Single(rig.Slack.Messages("C1")).Images);
    }

    [Fact]
    public async Task SendAsync_UploadMethodsRateLimited_RiddenOutWithEveryPictureShown()
    {
        var slack = new FakeSlackWebApi { FilesBurst = 1, FilesRefill = TimeSpan.FromMilliseconds(300) }.AddChannels("C1");
        slack.RetryAfterSeconds = 1;
        // Our pace is set looser than the fake's on purpose, so Slack's 429 is what holds us back.
        await using var rig = await WebApiRig.StartAsync(slack, Quick with { FileMethodInterval = TimeSpan.Zero, FileMethodBurst = 10 });

        await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Milestone")) { Images = [Map, Chamber] }, CancellationToken.None);

        Assert.True(slack.RateLimitedCount > 0, "the upload methods should have met a 429");
        Assert.Equal(2, Assert.Single(rig.Slack.Messages("C1")).Images.Count);
    }

    private static Post Post(string headline) => new(PostKind.Declaration, "k", headline, [PostSection.Plain("Seats: Labour 30")]) { Footer = "PA Media, 02:14" };
}
