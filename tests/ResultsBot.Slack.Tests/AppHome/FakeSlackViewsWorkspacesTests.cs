using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.Tests.OAuth;

namespace ResultsBot.Slack.Tests.AppHome;

/// <summary>
/// The fake's views.publish with tokens of two workspaces installed through its OAuth flow, spoken to with a bare
/// HttpClient: Tier 4 is counted per workspace, and a view lands in the workspace of the token that sent it.
/// </summary>
public sealed class FakeSlackViewsWorkspacesTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Publish_PastTier4InOneWorkspace_Is429ThereWhileTheOtherWorkspaceStillPublishes()
    {
        await using var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        await rig.InstallAsync(OAuthRig.TeamB);
        var tokenA = Assert.Single(rig.Slack.TokensOf(OAuthRig.TeamA));
        var tokenB = Assert.Single(rig.Slack.TokensOf(OAuthRig.TeamB));

        var inA = new List<HttpStatusCode>();
        for (var n = 0; n < 22; n++)
        {
            inA.Add(await PublishAsync(rig.Server, tokenA, "U" + n));
        }

        var inB = await PublishAsync(rig.Server, tokenB, "U0");

        Assert.Equal(20, inA.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, inA.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, inB);
        Assert.Equal(OAuthRig.TeamB, (string?)Assert.Single(rig.Slack.HomeViews(OAuthRig.TeamB, "U0"))["team_id"]);
        Assert.Equal(OAuthRig.TeamA, (string?)Assert.Single(rig.Slack.HomeViews(OAuthRig.TeamA, "U0"))["team_id"]);
        Assert.Equal(23, rig.Slack.ViewsPublishCallsOf(OAuthRig.TeamA) + rig.Slack.ViewsPublishCallsOf(OAuthRig.TeamB));
    }

    [Fact]
    public async Task Publish_WithATokenRevokedQuietly_IsTokenRevoked()
    {
        await using var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        var token = Assert.Single(rig.Slack.TokensOf(OAuthRig.TeamA));
        rig.Slack.RevokeTokensQuietly(OAuthRig.TeamA);

        using var response = await SendAsync(rig.Server, token, "U0");
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("token_revoked", (string?)answer["error"]);
        Assert.Empty(rig.Slack.HomeViews(OAuthRig.TeamA, "U0"));
    }

    private static async Task<HttpStatusCode> PublishAsync(FakeServer server, string token, string user)
    {
        using var response = await SendAsync(server, token, user);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> SendAsync(FakeServer server, string token, string user)
    {
        var view = new JsonObject
        {
            ["type"] = "home",
            ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "Labour hold Adur" } }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "/api/views.publish"))
        {
            Content = new StringContent(new JsonObject { ["user_id"] = user, ["view"] = view }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return await Http.SendAsync(request);
    }
}
