using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests;

/// <summary>Discord's own JS gateway client (@discordjs/ws) against the fake gateway, so the fake keeps to the real protocol.</summary>
public sealed class GatewayConformanceTests
{
    [Fact]
    public async Task DiscordJsWs_IdentifiesGetsReadyAndResumesAfterOp7()
    {
        var interactions = new FakeDiscordInteractions();
        using var gateway = new FakeDiscordGateway(interactions) { HeartbeatInterval = TimeSpan.FromSeconds(1) };
        await using var server = await FakeServer.StartAsync(gateway, interactions);

        var node = NodeConformance.RunAsync("discord-ws.mjs", [server.BaseUrl.ToString(), interactions.BotToken], TimeSpan.FromMinutes(4));
        // The first run may install the npm packages first: allow for it.
        // A heartbeat carrying READY's sequence shows the client has taken READY in (and so can resume).
        await WaitAsync(() => (gateway.IsReady && gateway.LastHeartbeatSequence >= 1) || node.IsCompleted, TimeSpan.FromMinutes(3));
        Assert.True(gateway.IsReady && gateway.LastHeartbeatSequence >= 1, "discord.js never identified: " + (node.IsCompleted ? (await node).Output + (await node).Errors : ""));

        await gateway.SendReconnectAsync();
        var interaction = interactions.SlashCommand("help");
        await gateway.InjectAsync(interaction);
        var (exitCode, output, errors) = await node;

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{errors}");
        Assert.Contains("\"event\":\"ready\"", output, StringComparison.Ordinal);
        Assert.Contains("\"event\":\"resumed\"", output, StringComparison.Ordinal);
        Assert.Contains(interaction.Id, output, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Identifies);
        Assert.Equal(1, gateway.Resumes);
        Assert.Equal([FakeDiscordGateway.IdentifyPath, FakeDiscordGateway.ResumePath], gateway.ConnectionPaths);
        Assert.Equal(0, gateway.RateLimitCloses);
        Assert.Equal(0, gateway.LastIdentify!["intents"]!.GetValue<int>());
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!condition() && !limit.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
