using ResultsBot.Application.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using ResultsBot.Application.Pipeline;

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
    Application.Instances.IInstanceCoordination coordination,
    NightReadBack readBack,
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
        metrics.ObserveRole(() => coordination.IsFeedReader);
        builder.Services.AddOpenTelemetry().ConfigureResource(Telemetry.Describe).WithMetrics(meters => meters.AddBotMeters().AddPrometheusExporter());
        builder.Services.AddHealthChecks().AddReadinessChecks(health, alerts, storeWatch, metrics, coordination, readBack, time);
        _app = builder.Build();
        // RequestDelegates, not handler lambdas: minimal-API binding compiles expression trees at start and
        // keeps System.Linq.Expressions and its code in memory for three fixed answers.
        // Alive: answered by the process, whatever the checks say.
        _app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (context, _) => WriteTextAsync(context, "text/plain; charset=utf-8", "ok\n") });
        _app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessChecks.Tag), ResponseWriter = ReadinessChecks.WriteAsync });
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

    private static Task WriteTextAsync(HttpContext context, string contentType, string body)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
