using System.Net;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Platforms;
using ResultsBot.Slack.Tests.OAuth;

namespace ResultsBot.Slack.Tests.Buttons;

/// <summary>Installed into many workspaces (OAuth), a post's "Full result" is pressed in its workspace and answered there.</summary>
public sealed class ManyWorkspacesButtonTests
{
    [Fact]
    public async Task FullResult_PressedOnAPostInAnInstalledWorkspace_AnsweredPrivatelyWithTheChannelKeptWithItsWorkspace()
    {
        await using var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        var urls = new FakeSlackResponseUrls();
        await using var responses = await FakeServer.StartAsync(urls);
        var declaration = new Post(PostKind.Declaration, "council/thurrock", "Reform UK gain Thurrock from Labour", [PostSection.Plain("Reform UK majority of 5")]) { Footer = "PA Media" };
        await rig.Outlet.SendAsync(new OutgoingPost(1, OAuthRig.TeamA + "-" + OAuthRig.ChannelA, declaration), CancellationToken.None);
        var post = Assert.Single(rig.Slack.Messages(OAuthRig.ChannelA));
        using var asShown = System.Text.Json.JsonDocument.Parse(new System.Text.Json.Nodes.JsonObject { ["text"] = post.Text, ["blocks"] = post.Blocks!.DeepClone() }.ToJsonString());
        var responseUrl = urls.CreateForPress(responses.BaseUrl, asShown.RootElement, ephemeral: false);
        var press = FakeSlackBlockActions.PressOnPost(post, "Full result", responseUrl, userId: "U0READER", teamId: OAuthRig.TeamA);
        using var http = new HttpClient();

        using var pressed = await http.SendAsync(FakeSlackBlockActions.SignedRequest(new Uri(rig.Bot, "/slack/interactivity"), TestOptions.SigningSecret, TimeProvider.System.GetUtcNow(), press));
        var answer = Assert.Single(await urls.WaitForPostsAsync(responseUrl));

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.Equal("Answer to /council thurrock", answer.GetProperty("text").GetString());
        var asked = Assert.Single(rig.Commands.Requests);
        Assert.Equal("/council thurrock", asked.Text);
        Assert.Equal(new ChannelAddress("slack", "T0AAAAAAA-C0AAAAAAA"), asked.Channel);
        Assert.Equal("U0READER", asked.Caller.Id);
        Assert.Equal("Reform UK gain Thurrock from Labour", urls.Original(responseUrl)!.Body.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public async Task ShareToChannel_PressedInAnInstalledWorkspace_AsksWithTheChannelKeptWithItsWorkspace()
    {
        // The command behind the button was asked of "T…-C…" (the channel with its workspace): so is its share.
        await using var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        var urls = new FakeSlackResponseUrls();
        await using var responses = await FakeServer.StartAsync(urls);
        var responseUrl = urls.Create(responses.BaseUrl);
        var press = FakeSlackBlockActions.PressWithAction("share_to_channel", "/scoreboard", responseUrl, userId: "U0READER", channelId: OAuthRig.ChannelA, teamId: OAuthRig.TeamA);
        using var http = new HttpClient();

        using var pressed = await http.SendAsync(FakeSlackBlockActions.SignedRequest(new Uri(rig.Bot, "/slack/interactivity"), TestOptions.SigningSecret, TimeProvider.System.GetUtcNow(), press));
        var posts = await urls.WaitForPostsAsync(responseUrl, 2);

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("in_channel", posts[0].GetProperty("response_type").GetString());
        var asked = Assert.Single(rig.Commands.Requests);
        Assert.Equal(new ChannelAddress("slack", "T0AAAAAAA-C0AAAAAAA"), asked.Channel);
    }
}
