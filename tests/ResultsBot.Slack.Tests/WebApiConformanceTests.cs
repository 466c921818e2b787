using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests;

/// <summary>Slack's own JS client (@slack/web-api) against the fake, so the fake cannot drift from Slack.</summary>
public sealed class WebApiConformanceTests
{
    [Fact]
    public async Task OfficialWebClient_PostsUpdatesReadsRidesOutRateLimitsAndUploadsFiles()
    {
        var slack = new FakeSlackWebApi().AddChannels("C1");
        await using var server = await FakeServer.StartAsync(slack);

        var (code, output, errors) = await NodeConformance.RunAsync(
            "slack-web.mjs",
            [server.BaseUrl + "api/", slack.BotToken, "C1"],
            TimeSpan.FromMinutes(6));

        Assert.True(code == 0, $"slack-web.mjs failed ({code}): {output}\n{errors}");
        Assert.True(slack.RateLimitedCount > 0, "the burst should have met a 429");
        Assert.Equal(1 + 6 + 2, slack.Messages("C1").Count);
        Assert.Single(slack.Replies("C1", slack.Messages("C1")[0].Ts));
        var shared = slack.Messages("C1")[^2];
        Assert.Equal("The night so far", shared.Text);
        var map = Assert.Single(shared.Images);
        Assert.Equal(("map.png", "A hex map of council control", 11), (map.Name, map.AltText, map.Bytes.Length));
        var chamber = Assert.Single(slack.Messages("C1")[^1].Images);
        Assert.Equal(("chamber.png", "Thurrock as a hemicycle"), (chamber.Name, chamber.AltText));
        Assert.Equal(2, slack.UploadsStarted);
    }
}
