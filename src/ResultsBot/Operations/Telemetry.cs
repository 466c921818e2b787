using ResultsBot.Application.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ResultsBot.Operations;

/// <summary>Which meters the bot exports, and to where: Prometheus on /metrics (the web server), OTLP when configured.</summary>
public static class Telemetry
{
    /// <summary>The bot's own, the runtime's (GC, threads, memory), and HTTP's, server and client (Discord, Slack, the feed).</summary>
    public static readonly string[] Meters =
        [BotMetrics.MeterName, "System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    /// <summary>Who is reporting: the service's name (OTEL_SERVICE_NAME, where set, takes its place).</summary>
    public static void Describe(ResourceBuilder resource) => resource.AddService("resultsbot");

    /// <summary>
    /// Sends the meters by OTLP when the standard OpenTelemetry settings name a collector
    /// (OTEL_EXPORTER_OTLP_ENDPOINT, and OTEL_EXPORTER_OTLP_PROTOCOL and the others as the SDK reads them).
    /// </summary>
    public static IServiceCollection AddOtlpMetricsWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) && string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry().ConfigureResource(Describe).WithMetrics(meters => meters.AddMeter(Meters).AddOtlpExporter());
        return services;
    }
}
