using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Tests.Support;
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

    [Fact]
    public async Task Callback_Answered429_IsWaitedOutByTheRestClientsOneRateLimitPath()
    {
        var routes = new ThrottleOnceRoutes();
        await using var server = await FakeServer.StartAsync(routes);
        using var http = new HttpClient();
        var options = new DiscordOptions("token", "1", null, DiscordMode.Gateway, [], null, new Uri(server.BaseUrl, "/api"), null);
        var logger = new ListLogger<DiscordInteractionHandler>();
        var handler = new DiscordInteractionHandler(options, http, new InteractionTestBot(), TimeProvider.System, new RateLimitMonitor(), logger);
        var ping = new JsonObject { ["id"] = "5", ["token"] = "secret-token", ["type"] = 1, ["application_id"] = "1" };

        await handler.HandleFromGatewayAsync(ping, CancellationToken.None);

        // The REST client's own warning, naming the route as rate limits group it and never the token.
        Assert.Equal(["Warning: Discord rate limited POST interactions/{id}/{token}/callback (route); waiting 0.05 s"], logger.Lines);
        Assert.Equal(2, routes.Calls);
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
