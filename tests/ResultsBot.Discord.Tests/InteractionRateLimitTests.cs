using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Interactions;
using ResultsBot.Fakes;

namespace ResultsBot.Discord.Tests;

public sealed class InteractionRateLimitTests
{
    [Fact]
    public async Task Callback_Answered429_WaitsRetryAfterAndSendsAgain()
    {
        var routes = new ThrottleOnceRoutes();
        await using var server = await FakeServer.StartAsync(routes);
        using var http = new HttpClient();
        var options = new DiscordOptions("token", "1", null, DiscordMode.Gateway, [], null, new Uri(server.BaseUrl, "/api"), null);
        var monitor = new RateLimitMonitor();
        var handler = new DiscordInteractionHandler(options, http, new InteractionTestBot(), TimeProvider.System, monitor, NullLogger<DiscordInteractionHandler>.Instance);
        var ping = new JsonObject { ["id"] = "5", ["token"] = "tok", ["type"] = 1, ["application_id"] = "1" };

        await handler.HandleFromGatewayAsync(ping, CancellationToken.None);

        Assert.Equal(2, routes.Calls);
        Assert.Equal("""{"type":1}""", routes.LastBody);
        Assert.Equal(1, monitor.RateLimits);
    }

    private sealed class ThrottleOnceRoutes : IFakeRoutes
    {
        public int Calls { get; private set; }

        public string? LastBody { get; private set; }

        public void Map(WebApplication app) =>
            app.MapPost("/api/v10/interactions/{id}/{token}/callback", async (HttpContext context) =>
            {
                Calls++;
                LastBody = await new StreamReader(context.Request.Body).ReadToEndAsync();
                return Calls == 1
                    ? Results.Json(new { message = "You are being rate limited.", retry_after = 0.05, global = false }, statusCode: 429)
                    : Results.NoContent();
            });
    }

    private sealed class RateLimitMonitor : ResultsBot.Platforms.IPlatformMonitor
    {
        public int RateLimits { get; private set; }

        public void ConnectionChanged(string platform, bool connected, string detail)
        {
        }

        public void Reconnected(string platform)
        {
        }

        public void RateLimited(string platform) => RateLimits++;

        public void InvalidRequest(string platform, int status)
        {
        }
    }
}
