using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Discord.Gateway;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests;

public sealed class GatewaySocketTests
{
    [Fact]
    public async Task Send_PastTheLimitWithinAMinute_WaitsForTheWindowInsteadOfBeingClosed()
    {
        var interactions = new FakeDiscordInteractions();
        using var gateway = new FakeDiscordGateway(interactions);
        await using var server = await FakeServer.StartAsync(gateway, interactions);
        var time = new FakeTimeProvider();
        var url = new Uri(server.WebSocketUrl, FakeDiscordGateway.IdentifyPath + "?v=10&encoding=json");
        using var socket = await GatewaySocket.ConnectAsync(url, TimeSpan.FromSeconds(5), time, CancellationToken.None);
        var heartbeat = GatewayCommands.Heartbeat(null);

        for (var i = 0; i < GatewaySocket.SendLimit; i++)
        {
            await socket.SendAsync(heartbeat, CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var over = socket.SendAsync(heartbeat, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(over.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(50)); // the first send leaves the window
        await over.WaitAsync(TimeSpan.FromSeconds(5));
        await FakeDiscordGateway.WaitUntilAsync(() => gateway.HeartbeatsReceived == GatewaySocket.SendLimit + 1, "every heartbeat arrives");
        Assert.Equal(0, gateway.RateLimitCloses);
    }
}
