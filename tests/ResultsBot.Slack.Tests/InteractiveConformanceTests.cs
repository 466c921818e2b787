using System.Text.Json;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests;

/// <summary>Slack's own @slack/socket-mode client takes the fake's interactive envelope (a button pressed) as Slack's.</summary>
public class InteractiveConformanceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OfficialClient_ReceivesTheBlockActionsPressAndAcksIt()
    {
        var slack = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack);
        var running = NodeConformance.RunAsync("slack-interactive.mjs", [server.BaseUrl.ToString().TrimEnd('/'), slack.AppToken], TimeSpan.FromSeconds(120));

        var connected = slack.WaitForConnectionsAsync(1, TimeSpan.FromSeconds(90));
        if (await Task.WhenAny(connected, running) == running && !connected.IsCompleted)
        {
            var (code, output, errors) = await running;
            Assert.Fail($"node ended early ({code}): {output}\n{errors}");
        }

        using var answer = JsonDocument.Parse("""{"blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Share to channel"},"action_id":"share_to_channel","value":"/council Thurrock"}]}]}""");
        var envelope = slack.InjectInteractive(FakeSlackBlockActions.Press(answer.RootElement, "Share to channel", slack.NewResponseUrl(), userId: "U0PRESSER", channelId: "C0NEWS"));
        var ack = await envelope.Acked.WaitAsync(Patience);
        var (exitCode, stdout, stderr) = await running;

        Assert.True(exitCode == 0, $"node exited {exitCode}: {stdout}\n{stderr}");
        Assert.Contains("acked block_actions share_to_channel /council Thurrock from U0PRESSER in C0NEWS with a response_url", stdout, StringComparison.Ordinal);
        // The official client always acks with a payload object, empty when there is nothing to say.
        Assert.Equal("{}", ack.Payload?.GetRawText() ?? "{}");
        Assert.Equal(1, envelope.Deliveries);
        Assert.Empty(slack.Problems);
    }

    [Fact]
    public async Task OfficialClient_ReceivesAFullResultPressOnAPostAsTheBotRendersIt()
    {
        var slack = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack);
        var running = NodeConformance.RunAsync("slack-interactive.mjs", [server.BaseUrl.ToString().TrimEnd('/'), slack.AppToken], TimeSpan.FromSeconds(120));

        var connected = slack.WaitForConnectionsAsync(1, TimeSpan.FromSeconds(90));
        if (await Task.WhenAny(connected, running) == running && !connected.IsCompleted)
        {
            var (code, output, errors) = await running;
            Assert.Fail($"node ended early ({code}): {output}\n{errors}");
        }

        var declaration = new ResultsBot.Domain.Posts.Post(ResultsBot.Domain.Posts.PostKind.Declaration, "council/thurrock", "Reform UK gain Thurrock from Labour", [ResultsBot.Domain.Posts.PostSection.Plain("Reform UK majority of 5")]) { Footer = "PA Media" };
        var blocks = System.Text.Json.Nodes.JsonNode.Parse(ResultsBot.Slack.Posts.SlackPostRenderer.Render(declaration).ToJson("C0NEWS")["blocks"]!.ToJsonString())!.AsArray();
        var post = new FakeSlackMessage("C0NEWS", "1714700000.000100", "Reform UK gain Thurrock from Labour", blocks, null, null, null, (false, false));
        var envelope = slack.InjectInteractive(FakeSlackBlockActions.PressOnPost(post, "Full result", slack.NewResponseUrl(), userId: "U0PRESSER"));
        var ack = await envelope.Acked.WaitAsync(Patience);
        var (exitCode, stdout, stderr) = await running;

        Assert.True(exitCode == 0, $"node exited {exitCode}: {stdout}\n{stderr}");
        Assert.Contains("acked block_actions full_result council/thurrock from U0PRESSER in C0NEWS with a response_url", stdout, StringComparison.Ordinal);
        Assert.Equal(1, envelope.Deliveries);
        Assert.Empty(slack.Problems);
    }
}
