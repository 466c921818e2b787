using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using ResultsBot.Pipeline;

namespace ResultsBot.Operations;

/// <summary>
/// The bot's web server, when one is configured (--urls or ASPNETCORE_URLS): /healthz (the process is
/// alive), /readyz (feed fresh, store writable, platforms connected) and /metrics (Prometheus text, from
/// OpenTelemetry: the bot's meters, the runtime's and this server's HTTP),
/// plus the platforms' endpoints (POST /discord/interactions, POST /slack/commands) when they are on.
/// </summary>
public sealed class OperationsServer(
    string urls,
    FeedHealth health,
    FeedAlertPolicy alerts,
    StoreWatch storeWatch,
    BotMetrics metrics,
    TimeProvider time,
    IEnumerable<IWebEndpoints> platformEndpoints,
    IEnumerable<Platforms.IPlatformOutlet> outlets,
    ILogger<OperationsServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        metrics.ObserveFeed(() =>
        {
            var seen = health.Snapshot();
            return ((time.GetUtcNow() - (seen.LastNew ?? seen.Started)).TotalSeconds, seen.FailingSince is not null);
        });
        metrics.Expect(outlets.Select(o => o.Platform));
        builder.Services.AddOpenTelemetry().ConfigureResource(Telemetry.Describe).WithMetrics(meters => meters.AddMeter(Telemetry.Meters).AddPrometheusExporter());
        _app = builder.Build();
        // RequestDelegates, not handler lambdas: minimal-API binding compiles expression trees at start and
        // keeps System.Linq.Expressions and its code in memory for three fixed answers.
        _app.MapGet("/healthz", (RequestDelegate)(context => WriteTextAsync(context, StatusCodes.Status200OK, "text/plain; charset=utf-8", "ok\n")));
        _app.MapGet("/readyz", (RequestDelegate)Ready);
        _app.MapPrometheusScrapingEndpoint("/metrics");
        foreach (var endpoints in platformEndpoints)
        {
            endpoints.Map(_app);
        }

        await _app.StartAsync(cancellationToken);
        logger.LogInformation("Web server listening on {Urls} (/healthz, /readyz, /metrics{Platforms})", string.Join(", ", _app.Urls), string.Concat(platformEndpoints.Select(e => ", " + e)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>"ok" when every platform that keeps a connection (Gateway, Socket Mode) has it up.</summary>
    private string Platforms()
    {
        var down = metrics.Connections.Where(c => !c.Value.Connected).Select(c => $"{c.Key} not connected ({c.Value.Detail})").ToList();
        return down.Count == 0 ? "ok" : string.Join("; ", down);
    }

    private Task Ready(HttpContext context)
    {
        var seen = health.Snapshot();
        var checks = new Dictionary<string, string>
        {
            ["feed"] = seen.Readiness(time.GetUtcNow(), alerts.FailingAfter),
            // From the background probe, never the database itself: a locked one would hold this answer for seconds.
            ["store"] = storeWatch.Status,
            ["platforms"] = Platforms(),
        };
        var ready = checks.Values.All(v => v == "ok");
        var body = JsonSerializer.Serialize(new ReadinessReport(ready ? "ready" : "not ready", checks), OperationsJson.Default.ReadinessReport);
        return WriteTextAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, "application/json; charset=utf-8", body);
    }

    private static Task WriteTextAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
