using System.Text.Json.Nodes;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Tests;

public sealed class SlackOutletTests
{
    private static readonly SlackRateLimits Quick = SlackRateLimits.Default with { RequestTimeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task SendAsync_ThreeChannelsAtOnce_AllInOrderWithoutA429()
    {
        await using var rig = await WebApiRig.StartAsync(channels: ["C1", "C2", "C3"]);
        const int PerChannel = 5; // more than the fake's burst of 3, so pacing is what keeps 429s away

        await Task.WhenAll(new[] { "C1", "C2", "C3" }.Select(async channel =>
        {
            for (var i = 0; i < PerChannel; i++)
            {
                var ts = await rig.Outlet.SendAsync(new OutgoingPost(Id(channel, i), channel, Post("Post " + i)), CancellationToken.None);
                Assert.NotNull(ts);
            }
        }));

        Assert.Equal(0, rig.Slack.RateLimitedCount);
        Assert.Equal(0, rig.Monitor.RateLimited);
        foreach (var channel in new[] { "C1", "C2", "C3" })
        {
            var messages = rig.Slack.Messages(channel);
            Assert.Equal(Enumerable.Range(0, PerChannel).Select(i => "Post " + i), messages.Select(m => m.Text!.Split('\n')[0]));
            Assert.Equal(Enumerable.Range(0, PerChannel).Select(i => Id(channel, i).ToString(System.Globalization.CultureInfo.InvariantCulture)), messages.Select(m => m.DeliveryId));
            Assert.Equal(messages.Select(m => m.Ts).Order(StringComparer.Ordinal), messages.Select(m => m.Ts));
        }
    }

    [Fact]
    public async Task SendAsync_RateLimitStorm_RiddenOut()
    {
        await using var rig = await WebApiRig.StartAsync(Quick);
        rig.Slack.StartRateLimitStorm(3);

        var ts = await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Storm")), CancellationToken.None);

        Assert.Equal(ts, Assert.Single(rig.Slack.Messages("C1")).Ts);
        Assert.Equal(3, rig.Slack.RateLimitedCount);
        Assert.Equal(3, rig.Monitor.RateLimited);
    }

    [Fact]
    public async Task SendAsync_Correction_UpdatesOriginalAndThreadsANote()
    {
        await using var rig = await WebApiRig.StartAsync();
        var original = await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Labour hold Birmingham")), CancellationToken.None);
        var correction = new Post(PostKind.Correction, "k", "Correction: Labour hold Birmingham", [PostSection.Plain("Revision 2 corrects the earlier result: Labour 66 not 65."), new PostSection("Seats won", "Labour 66")]);

        var note = await rig.Outlet.SendAsync(new OutgoingPost(2, "C1", correction, OriginalMessageId: original), CancellationToken.None);

        var parent = Assert.Single(rig.Slack.Messages("C1"));
        Assert.Equal(original, parent.Ts);
        Assert.NotNull(parent.EditedTs);
        Assert.StartsWith("Correction: Labour hold Birmingham", parent.Text, StringComparison.Ordinal);
        Assert.Equal("Correction: Labour hold Birmingham", (string?)parent.Blocks![0]!["text"]!["text"]);
        Assert.Contains(parent.Blocks, b => (string?)b!["fields"]?[0]?["text"] == "Seats won\nLabour 66");
        var reply = Assert.Single(rig.Slack.Replies("C1", original!));
        Assert.Equal(note, reply.Ts);
        Assert.Equal("Correction: Labour hold Birmingham\nRevision 2 corrects the earlier result: Labour 66 not 65.", reply.Text);
        Assert.Equal("2", reply.DeliveryId);
    }

    [Fact]
    public async Task SendAsync_CorrectionOfAResultInADigest_UpdatesTheDigestAndThreadsTheNote()
    {
        await using var rig = await WebApiRig.StartAsync();
        var digest = new Post(PostKind.Digest, "digest", "2 councils declared", [PostSection.Plain("Labour hold Birmingham"), PostSection.Plain("Labour hold Bury")]);
        var original = await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", digest), CancellationToken.None);
        var corrected = digest with { Sections = [PostSection.Plain("Correction: Labour lose Birmingham to no overall control"), PostSection.Plain("Labour hold Bury")] };
        var correction = new Post(PostKind.Correction, "k", "Correction: Labour lose Birmingham to no overall control", [PostSection.Plain("Revision 2 corrects the earlier result.")]);

        await rig.Outlet.SendAsync(new OutgoingPost(2, "C1", correction, OriginalMessageId: original) { Replacement = corrected }, CancellationToken.None);

        var parent = Assert.Single(rig.Slack.Messages("C1"));
        Assert.NotNull(parent.EditedTs);
        Assert.Equal("2 councils declared\nCorrection: Labour lose Birmingham to no overall control\nLabour hold Bury", parent.Text);
        Assert.Equal("Correction: Labour lose Birmingham to no overall control\nRevision 2 corrects the earlier result.", Assert.Single(rig.Slack.Replies("C1", original!)).Text);
    }

    [Fact]
    public async Task SendAsync_CorrectionOfAMissingMessage_PostedAsNew()
    {
        await using var rig = await WebApiRig.StartAsync();

        var ts = await rig.Outlet.SendAsync(new OutgoingPost(2, "C1", Post("Correction: x"), OriginalMessageId: "1600000000.000100"), CancellationToken.None);

        var message = Assert.Single(rig.Slack.Messages("C1"));
        Assert.Equal(ts, message.Ts);
        Assert.Null(message.EditedTs);
    }

    [Fact]
    public async Task SendAsync_AttemptedAndAlreadyThere_ReturnsItWithoutPosting()
    {
        await using var rig = await WebApiRig.StartAsync();
        var first = await rig.Outlet.SendAsync(new OutgoingPost(41, "C1", Post("Once")), CancellationToken.None);
        rig.Slack.Seed("C1", "someone else", new JsonObject { ["event_type"] = "other", ["event_payload"] = new JsonObject { ["delivery_id"] = "41" } });

        var again = await rig.Outlet.SendAsync(new OutgoingPost(41, "C1", Post("Once"), Attempted: true), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(2, rig.Slack.Messages("C1").Count);
    }

    [Fact]
    public async Task SendAsync_AttemptedButNotThere_Posts()
    {
        await using var rig = await WebApiRig.StartAsync();
        await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Other")), CancellationToken.None);

        var ts = await rig.Outlet.SendAsync(new OutgoingPost(2, "C1", Post("New"), Attempted: true), CancellationToken.None);

        Assert.Equal(2, rig.Slack.Messages("C1").Count);
        Assert.Equal(ts, rig.Slack.Messages("C1")[^1].Ts);
    }

    [Fact]
    public async Task SendAsync_AttemptedCorrectionWithNoteAlreadyThreaded_NoSecondNote()
    {
        await using var rig = await WebApiRig.StartAsync();
        var original = await rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("Lab hold")), CancellationToken.None);
        var correction = new OutgoingPost(2, "C1", Post("Correction: Lab hold"), OriginalMessageId: original);
        var note = await rig.Outlet.SendAsync(correction, CancellationToken.None);

        var again = await rig.Outlet.SendAsync(correction with { Attempted = true }, CancellationToken.None);

        Assert.Equal(note, again);
        Assert.Single(rig.Slack.Replies("C1", original!));
    }

    [Theory]
    [InlineData("archived")]
    [InlineData("deleted")]
    [InlineData("left")]
    public async Task SendAsync_ChannelGone_ThrowsChannelGone(string how)
    {
        await using var rig = await WebApiRig.StartAsync();
        Action<string> gone = how switch
        {
            "archived" => rig.Slack.ArchiveChannel,
            "deleted" => rig.Slack.DeleteChannel,
            _ => rig.Slack.RemoveBotFromChannel,
        };
        gone("C1");

        var error = await Assert.ThrowsAsync<ChannelGoneException>(() => rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("x")), CancellationToken.None));
        Assert.Contains(how switch { "archived" => "is_archived", "deleted" => "channel_not_found", _ => "not_in_channel" }, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_UnknownChannel_ThrowsChannelGone()
    {
        await using var rig = await WebApiRig.StartAsync();

        await Assert.ThrowsAsync<ChannelGoneException>(() => rig.Outlet.SendAsync(new OutgoingPost(1, "C404", Post("x")), CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_BlocksRefused_ThrowsPostRejected()
    {
        await using var rig = await WebApiRig.StartAsync();
        rig.Slack.RejectAllBlocks = true;

        var error = await Assert.ThrowsAsync<PostRejectedException>(() => rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("x")), CancellationToken.None));
        Assert.Contains("invalid_blocks", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServerErrors_ThrowsRetryLater()
    {
        await using var rig = await WebApiRig.StartAsync(Quick);
        rig.Slack.ServerErrors = true;

        var error = await Assert.ThrowsAsync<SlackUnavailableException>(() => rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("x")), CancellationToken.None));
        Assert.IsNotType<ChannelGoneException>(error);
    }

    [Fact]
    public async Task SendAsync_TokenRevoked_ThrowsRetryLaterNamingTheToken()
    {
        await using var rig = await WebApiRig.StartAsync();
        rig.Slack.InvalidAuth = true;

        var error = await Assert.ThrowsAsync<SlackApiException>(() => rig.Outlet.SendAsync(new OutgoingPost(1, "C1", Post("x")), CancellationToken.None));
        Assert.Equal("invalid_auth", error.Error);
        Assert.Contains("Slack:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_LongAndOddPosts_AllAccepted()
    {
        await using var rig = await WebApiRig.StartAsync(channels: ["C1", "C2", "C3", "C4", "C5"]);
        var odd = new[]
        {
            new Post(PostKind.Digest, "a", new string('<', 400), [.. Enumerable.Range(0, 120).Select(i => new PostSection("L" + i, new string('&', 700)))]) { Footer = new string('>', 5000) },
            new Post(PostKind.Digest, "b", "", [PostSection.Plain(new string('x', 20_000)), new PostSection("", "")]),
            new Post(PostKind.Digest, "c", "😀" + new string('x', 148) + "😀", [new PostSection(new string('y', 1990), "text that makes the field too long")]),
            new Post(PostKind.Digest, "d", "   ", Array.Empty<PostSection>()),
            new Post(PostKind.Digest, "e", "Many", [.. Enumerable.Range(0, 500).Select(i => PostSection.Plain("<!channel> line " + i))]),
        };

        for (var i = 0; i < odd.Length; i++)
        {
            await rig.Outlet.SendAsync(new OutgoingPost(i, "C" + (i + 1), odd[i]), CancellationToken.None);
        }

        Assert.All(Enumerable.Range(1, odd.Length), i => Assert.Single(rig.Slack.Messages("C" + i)));
        Assert.Empty(rig.Slack.Warnings);
    }

    private static long Id(string channel, int i) => (channel[1] * 100) + i;

    private static Post Post(string headline) => new(PostKind.Declaration, "k", headline, [PostSection.Plain("Body of " + headline)]) { Footer = "PA Media" };
}
