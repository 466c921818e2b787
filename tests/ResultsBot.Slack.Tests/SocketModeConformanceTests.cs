using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests;

/// <summary>Slack's own @slack/socket-mode client against the fake, so the fake cannot drift from the real protocol.</summary>
public class SocketModeConformanceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OfficialClient_ConnectsAcksAndSurvivesARefresh()
    {
        var slack = new FakeSlackSocketMode { DisconnectGrace = TimeSpan.FromSeconds(2) };
        await using var server = await FakeServer.StartAsync(slack);
        var running = NodeConformance.RunAsync("slack-socket.mjs", [server.BaseUrl.ToString().TrimEnd('/'), slack.AppToken, "2"], TimeSpan.FromSeconds(120));

        await WhileRunning(running, slack.WaitForConnectionsAsync(1, TimeSpan.FromSeconds(90)));
        var first = slack.InjectSlashCommand(new FakeSlackSlashCommand("council Birmingham"));
        var firstAck = await WhileRunning(running, first.Acked.WaitAsync(Patience));

        await slack.SendDisconnectAsync("refresh_requested");
        await WhileRunning(running, slack.WaitForConnectionsAsync(2, Patience));
        var second = slack.InjectSlashCommand(new FakeSlackSlashCommand("scoreboard"));
        var secondAck = await WhileRunning(running, second.Acked.WaitAsync(Patience));
        var (exitCode, output, errors) = await running;

        Assert.True(exitCode == 0, $"node exited {exitCode}: {output}\n{errors}");
        Assert.Equal("conformance: council Birmingham", firstAck.Payload?.GetProperty("text").GetString());
        Assert.Equal(1, firstAck.ConnectionNumber);
        Assert.Equal("conformance: scoreboard", secondAck.Payload?.GetProperty("text").GetString());
        Assert.Equal(2, secondAck.ConnectionNumber);
        Assert.Contains("acked /results scoreboard", output, StringComparison.Ordinal);
        Assert.Equal(1, first.Deliveries);
        Assert.Empty(slack.Problems);
    }

    /// <summary>Waits for <paramref name="step"/>, but fails at once with node's output if the script ends first.</summary>
    private static async Task WhileRunning(Task<(int ExitCode, string Output, string Errors)> node, Task step)
    {
        if (await Task.WhenAny(step, node) == node && !step.IsCompleted)
        {
            var (code, output, errors) = await node;
            Assert.Fail($"node ended early ({code}): {output}\n{errors}");
        }

        await step;
    }

    private static async Task<T> WhileRunning<T>(Task<(int ExitCode, string Output, string Errors)> node, Task<T> step)
    {
        await WhileRunning(node, (Task)step);
        return await step;
    }
}
