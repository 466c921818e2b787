using ResultsBot.Application.Operations;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using ResultsBot.Operations;

namespace ResultsBot.Tests.Operations;

/// <summary>The meters' series limit: small enough not to reserve megabytes per metric, and nothing past it is lost.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void AddBotMeters_MoreLabelCombinationsThanTheLimit_KeepsTheLimitAndCountsTheRestUnderOverflow()
    {
        var exporter = new CapturingExporter();
        using var provider = Sdk.CreateMeterProviderBuilder().AddBotMeters().AddReader(new BaseExportingMetricReader(exporter)).Build();
        using var meter = new Meter(BotMetrics.MeterName);
        var counter = meter.CreateCounter<long>("resultsbot_test_series");
        var added = Telemetry.SeriesPerMetric + 50;
        for (var i = 0; i < added; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("channel", $"discord:{i}"));
        }

        provider.ForceFlush();

        Assert.InRange(exporter.Points, Telemetry.SeriesPerMetric - 1, Telemetry.SeriesPerMetric + 1);
        Assert.True(exporter.Overflowed > 0, "no point carries otel.metric.overflow");
        Assert.Equal(added, exporter.Sum);
    }

    /// <summary>Reads the points while the export runs: the SDK reuses them afterwards.</summary>
    private sealed class CapturingExporter : BaseExporter<Metric>
    {
        public int Points { get; private set; }

        public long Sum { get; private set; }

        public long Overflowed { get; private set; }

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                if (metric.Name != "resultsbot_test_series")
                {
                    continue;
                }

                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    Points++;
                    Sum += point.GetSumLong();
                    foreach (var tag in point.Tags)
                    {
                        if (tag.Key == "otel.metric.overflow")
                        {
                            Overflowed += point.GetSumLong();
                        }
                    }
                }
            }

            return ExportResult.Success;
        }
    }
}
