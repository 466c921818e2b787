using ResultsBot.Application.Operations;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ResultsBot.Application.Instances;
using ResultsBot.Application.Pipeline;

namespace ResultsBot.Operations;

/// <summary>
/// What /readyz checks, as ASP.NET Core health checks: the feed (fresh, not stuck, the night restored), the store
/// (from the background probe, never the database itself: a locked one would hold the answer for seconds) and the
/// platforms that keep a connection. Each says "ok" or why not, and the answer keeps the bot's JSON shape.
/// </summary>
internal static class ReadinessChecks
{
    public const string Tag = "ready";

    public static IHealthChecksBuilder AddReadinessChecks(
        this IHealthChecksBuilder checks, FeedHealth health, FeedAlertPolicy alerts, StoreWatch storeWatch, BotMetrics metrics, IInstanceCoordination coordination, NightReadBack readBack, TimeProvider time) =>
        checks
            // A standby reads no feed: another instance does, and this one is ready to answer commands all the same,
            // once it has read the night back (before that its answers would come from an empty book).
            .AddCheck("feed", new Check(() => Feed(health, alerts, coordination, readBack, time)), tags: [Tag])
            // Always healthy: either role is a working instance. It says which this one is, and what it holds.
            .AddCheck("role", new Check(() => Role(coordination), healthy: true), tags: [Tag])
            .AddCheck("store", new Check(() => storeWatch.Status), tags: [Tag])
            .AddCheck("platforms", new Check(() => Platforms(metrics)), tags: [Tag]);

    /// <summary>{"status":"ready","checks":{"feed":"ok",…}}, or "not ready" with each failing check saying why.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Status.ToString(), StringComparer.Ordinal);
        var body = JsonSerializer.Serialize(new ReadinessReport(report.Status == HealthStatus.Healthy ? "ready" : "not ready", checks), OperationsJson.Default.ReadinessReport);
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static string Feed(FeedHealth health, FeedAlertPolicy alerts, IInstanceCoordination coordination, NightReadBack readBack, TimeProvider time) =>
        coordination.IsFeedReader ? health.Snapshot().Readiness(time.GetUtcNow(), alerts.FailingAfter)
        : readBack.Done ? "ok"
        : "starting: the night is being read back from the database";

    /// <summary>"ok" when every platform that keeps a connection (Gateway, Socket Mode) has it up.</summary>
    private static string Platforms(BotMetrics metrics)
    {
        var down = metrics.Connections.Where(c => !c.Value.Connected).Select(c => $"{c.Key} not connected ({c.Value.Detail})").ToList();
        return down.Count == 0 ? "ok" : string.Join("; ", down);
    }

    /// <summary>The instance's role and what it holds; sharing the store, also how many instances run ("; 3 instances live").</summary>
    private static string Role(IInstanceCoordination coordination)
    {
        if (!coordination.Shared)
        {
            return coordination.Describe();
        }

        var live = coordination.LiveInstances;
        return $"{coordination.Describe()}; {live.ToString(System.Globalization.CultureInfo.InvariantCulture)} instance{(live == 1 ? "" : "s")} live";
    }

    private sealed class Check(Func<string> state, bool healthy = false) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var said = state();
            return Task.FromResult(healthy || said == "ok" ? HealthCheckResult.Healthy(said) : HealthCheckResult.Unhealthy(said));
        }
    }
}
