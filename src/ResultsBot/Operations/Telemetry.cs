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

    /// <summary>
    /// How many label combinations one metric keeps. OpenTelemetry's default, 2,000, is allocated up front for every
    /// metric (about 50 here, the runtime's and HTTP's included): megabytes of memory for series the bot never has.
    /// The widest of ours (HTTP requests by method, route and status) has a few dozen; any beyond the limit are
    /// still counted, under OpenTelemetry's overflow label, never dropped.
    /// </summary>
    public const int SeriesPerMetric = 200;

    /// <summary>The meters above, each metric limited to <see cref="SeriesPerMetric"/> label combinations.</summary>
    public static MeterProviderBuilder AddBotMeters(this MeterProviderBuilder meters) =>
        meters.AddMeter(Meters).AddView(_ => new MetricStreamConfiguration { CardinalityLimit = SeriesPerMetric });

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

        services.AddOpenTelemetry().ConfigureResource(Describe).WithMetrics(meters => meters.AddBotMeters().AddOtlpExporter());
        return services;
    }
}
