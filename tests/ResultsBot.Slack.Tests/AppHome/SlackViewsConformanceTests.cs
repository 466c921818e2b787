using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests.AppHome;

/// <summary>Slack's official Web API client (@slack/web-api) publishing Home tabs to the fake.</summary>
public sealed class SlackViewsConformanceTests
{
    [Fact]
    public async Task SlackWebApi_PublishesHomeViews_MeetsTheRefusalAndRidesOutTier4()
    {
        var slack = new FakeSlackWebApi();
        await using var server = await FakeServer.StartAsync(slack);

        var (code, output, errors) = await NodeConformance.RunAsync("slack-views.mjs", [server.BaseUrl + "api/", slack.BotToken], TimeSpan.FromMinutes(3));

        Assert.True(code == 0, $"slack-views.mjs failed ({code}): {output}\n{errors}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        Assert.True((bool)result["ok"]!);
        Assert.Equal("home", (string?)result["viewType"]);
        Assert.StartsWith("V", (string?)result["viewId"], StringComparison.Ordinal);
        Assert.Equal("invalid_blocks", (string?)result["refused"]);
        Assert.True((bool)result["burstOk"]!);
        Assert.True((int)result["rateLimited"]! > 0, "the burst should have met a 429");
        Assert.Equal(25, slack.HomeViewPublishCount);
        Assert.Equal("Election night", (string?)slack.HomeViews("U0READER1")[0]["blocks"]![0]!["text"]!["text"]);
    }
}
