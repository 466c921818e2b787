using System.Diagnostics;
using System.Text.Json.Nodes;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Tests.OAuth;

/// <summary>
/// The post-crash check in a workspace installed through OAuth, where Slack allows history one read a minute and 15
/// messages (here the fake allows one each 3 s and the bot paces 3.5 s apart, as it keeps 65 s between reads against Slack's
/// minute; short, to keep the test short): reads are paced, remembered, and a 429
/// holds only the channel that reads.
/// </summary>
public sealed class DistributedHistoryTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    private static readonly SlackRateLimits Limits = SlackRateLimits.Default with { HistoryInterval = Interval + TimeSpan.FromMilliseconds(500) };
    private static readonly string ChannelA = OAuthRig.TeamA + "-" + OAuthRig.ChannelA;
    private static readonly string ChannelB = OAuthRig.TeamB + "-" + OAuthRig.ChannelB;

    [Fact]
    public async Task Send_AttemptedPostAmongTheNewest15_FoundWithOneReadOfAtMost15()
    {
        await using var rig = await StartAsync();
        rig.Slack.Seed(OAuthRig.ChannelA, "Labour hold Birmingham", Tagged(7));
        for (var i = 0; i < 20; i++)
        {
            rig.Slack.Seed(OAuthRig.ChannelA, "chatter " + i);
        }

        var old = await rig.Outlet.SendAsync(new OutgoingPost(7, ChannelA, Post("Labour hold Birmingham"), Attempted: true), CancellationToken.None);
        var recent = rig.Slack.Seed(OAuthRig.ChannelA, "Reform gain Durham", Tagged(8));
        var found = await rig.Outlet.SendAsync(new OutgoingPost(8, ChannelA, Post("Reform gain Durham"), Attempted: true), CancellationToken.None);

        // The first was further back than 15 messages: not seen, so posted again (the documented limit of the check).
        Assert.NotNull(old);
        Assert.Equal(recent, found);
        Assert.Equal(0, rig.Slack.DistributedHistoryRateLimited);
        Assert.Equal(2, rig.Slack.DistributedHistoryReads);
    }

    [Fact]
    public async Task Send_AfterTheStartUpCheckReadTheChannel_TheCrashCheckUsesWhatItFound()
    {
        await using var rig = await StartAsync();
        var ts = rig.Slack.Seed(OAuthRig.ChannelA, "Labour hold Birmingham", Tagged(7));
        var attempted = new OutgoingPost(7, ChannelA, Post("Labour hold Birmingham"), Attempted: true);

        var there = await ((IChannelHistory)rig.Outlet).AlreadyThereAsync(ChannelA, [attempted], CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var sent = await rig.Outlet.SendAsync(attempted, CancellationToken.None);

        Assert.Equal([7L], there);
        Assert.Equal(ts, sent);
        Assert.Equal(1, rig.Slack.DistributedHistoryReads);
        Assert.True(watch.Elapsed < Interval, $"the crash check waited {watch.Elapsed} for a read it did not need");
    }

    [Fact]
    public async Task AlreadyThere_StartUpCheckOfTwoChannelsInOneWorkspace_ReadsOneAndDoesNotWaitForTheOther()
    {
        await using var rig = await StartAsync();
        var history = (IChannelHistory)rig.Outlet;
        var channelA2 = OAuthRig.TeamA + "-" + OAuthRig.ChannelA2;

        var watch = Stopwatch.StartNew();
        var both = await Task.WhenAll(
            history.AlreadyThereAsync(ChannelA, [new OutgoingPost(1, ChannelA, Post("Labour hold Birmingham"))], CancellationToken.None),
            history.AlreadyThereAsync(channelA2, [new OutgoingPost(2, channelA2, Post("Labour hold Birmingham"))], CancellationToken.None),
            history.AlreadyThereAsync(ChannelB, [new OutgoingPost(3, ChannelB, Post("Labour hold Birmingham"))], CancellationToken.None));

        Assert.All(both, Assert.Empty);
        Assert.Equal(2, rig.Slack.DistributedHistoryReads); // one in each workspace
        Assert.True(watch.Elapsed < Interval, $"the start-up check took {watch.Elapsed}");
    }

    [Fact]
    public async Task Send_SlackSays429ToARead_OnlyThatChannelWaitsAndNothingIsPostedTwice()
    {
        await using var rig = await StartAsync();
        await rig.Outlet.SendAsync(new OutgoingPost(1, ChannelA, Post("Labour hold Birmingham"), Attempted: true), CancellationToken.None);
        var ts = rig.Slack.Seed(OAuthRig.ChannelA, "Reform gain Durham", Tagged(2));
        await rig.InstallAsync(OAuthRig.TeamA); // a reinstall: a new client that has not read yet, as after a restart

        var watch = Stopwatch.StartNew();
        var reading = rig.Outlet.SendAsync(new OutgoingPost(2, ChannelA, Post("Reform gain Durham"), Attempted: true), CancellationToken.None);
        await rig.Outlet.SendAsync(new OutgoingPost(3, ChannelB, Post("Green gain Bristol")), CancellationToken.None);
        var otherChannel = watch.Elapsed;
        var found = await reading;

        Assert.Equal(ts, found);
        Assert.Equal(1, rig.Slack.DistributedHistoryRateLimited);
        Assert.True(otherChannel < TimeSpan.FromSeconds(1), $"the other workspace's post waited {otherChannel}");
        Assert.Equal(["Labour hold Birmingham", "Reform gain Durham"], rig.Slack.Messages(OAuthRig.ChannelA).Select(m => (m.Text ?? "").Split('\n')[0]));
    }

    private static async Task<OAuthRig> StartAsync()
    {
        var rig = await OAuthRig.StartAsync(Limits);
        rig.Slack.DistributedHistoryInterval = Interval;
        await rig.InstallAsync(OAuthRig.TeamA);
        await rig.InstallAsync(OAuthRig.TeamB);
        return rig;
    }

    private static JsonObject Tagged(long delivery) => new()
    {
        ["event_type"] = SlackOutlet.MetadataEventType,
        ["event_payload"] = new JsonObject { ["delivery_id"] = delivery.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    private static Post Post(string headline) => new(PostKind.Declaration, "k", headline, [PostSection.Plain("Body of " + headline)]) { Footer = "PA Media" };
}
