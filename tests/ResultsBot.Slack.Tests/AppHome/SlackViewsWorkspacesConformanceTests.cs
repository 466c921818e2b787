using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Slack.Tests.OAuth;

namespace ResultsBot.Slack.Tests.AppHome;

/// <summary>Slack's official Web API client (@slack/web-api) publishing Home tabs in two workspaces of the fake, with each one's token.</summary>
public sealed class SlackViewsWorkspacesConformanceTests
{
    [Fact]
    public async Task SlackWebApi_FloodingOneWorkspacesViews_MeetsTier4ThereAndNotInTheOther()
    {
        await using var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        await rig.InstallAsync(OAuthRig.TeamB);

        var (code, output, errors) = await NodeConformance.RunAsync(
            "slack-views-workspaces.mjs",
            [rig.Server.BaseUrl + "api/", Assert.Single(rig.Slack.TokensOf(OAuthRig.TeamA)), Assert.Single(rig.Slack.TokensOf(OAuthRig.TeamB))],
            TimeSpan.FromMinutes(3));

        Assert.True(code == 0, $"slack-views-workspaces.mjs failed ({code}): {output}\n{errors}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        Assert.True((bool)result["okA"]!);
        Assert.True((bool)result["okB"]!);
        Assert.Equal(OAuthRig.TeamA, (string?)result["teamA"]);
        Assert.Equal(OAuthRig.TeamB, (string?)result["teamB"]);
        Assert.True((int)result["rateLimitedA"]! > 0, "the flood in workspace A should have met a 429");
        Assert.Equal(0, (int)result["rateLimitedB"]!);
        Assert.Equal(44, rig.Slack.HomeViewPublishCount);
    }
}
