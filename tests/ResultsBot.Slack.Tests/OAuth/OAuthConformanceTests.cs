using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests.OAuth;

/// <summary>Slack's own OAuth library (@slack/oauth, InstallProvider.handleCallback) installing through the fake, so its OAuth cannot drift from Slack's.</summary>
public sealed class OAuthConformanceTests
{
    [Fact]
    public async Task OfficialInstallProvider_InstallsThroughTheFakeAndItsTokenReachesOnlyItsWorkspace()
    {
        var slack = new FakeSlackWebApi()
            .AddWorkspace(OAuthRig.TeamA, "Party HQ").AddWorkspace(OAuthRig.TeamB, "Town Hall")
            .AddWorkspaceChannels(OAuthRig.TeamA, OAuthRig.ChannelA).AddWorkspaceChannels(OAuthRig.TeamB, OAuthRig.ChannelB);
        await using var server = await FakeServer.StartAsync(slack);

        var (code, output, errors) = await NodeConformance.RunAsync(
            "slack-oauth.mjs",
            [server.BaseUrl.ToString(), FakeSlackWebApi.ClientId, FakeSlackWebApi.ClientSecret, OAuthRig.TeamA, OAuthRig.ChannelA, OAuthRig.ChannelB],
            TimeSpan.FromMinutes(3));

        Assert.True(code == 0, $"slack-oauth.mjs failed ({code}): {output}\n{errors}");
        Assert.Equal(1, slack.TokenExchanges);
        Assert.Single(slack.TokensOf(OAuthRig.TeamA));
        Assert.Equal("Labour hold Birmingham", Assert.Single(slack.Messages(OAuthRig.ChannelA)).Text);
        Assert.Empty(slack.Messages(OAuthRig.ChannelB));
    }
}
