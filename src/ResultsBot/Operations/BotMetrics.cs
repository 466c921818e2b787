using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ResultsBot.Operations;

/// <summary>
/// The night's counters, written out in Prometheus text format: declarations accepted, posts queued,
/// delivered and failed per channel, how long posts waited to go out, and how fresh the feed is.
/// </summary>
public sealed class BotMetrics
{
    private static readonly double[] LatencyBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly Lock _latencyGate = new();
    private readonly long[] _latencyCounts = new long[LatencyBuckets.Length];
    private long _latencyTotal;
    private double _latencySum;

    public void DeclarationAccepted() => Add("resultsbot_declarations_accepted_total", 1);

    public void PostsQueued(int count) => Add("resultsbot_posts_queued_total", count);

    public void PostDelivered(string channel, TimeSpan waited)
    {
        Add($"resultsbot_posts_delivered_total{{channel=\"{Escape(channel)}\"}}", 1);
        lock (_latencyGate)
        {
            var seconds = Math.Max(0, waited.TotalSeconds);
            for (var i = 0; i < LatencyBuckets.Length; i++)
            {
                if (seconds <= LatencyBuckets[i])
                {
                    _latencyCounts[i]++;
                }
            }

            _latencyTotal++;
            _latencySum += seconds;
        }
    }

    public void PostFailed(string channel) => Add($"resultsbot_posts_failed_total{{channel=\"{Escape(channel)}\"}}", 1);

    /// <param name="feedAgeSeconds">Seconds since something new last came from the feed (or since start).</param>
    /// <param name="feedFailing">Whether the last read of the feed failed.</param>
    public string ToPrometheusText(double feedAgeSeconds, bool feedFailing)
    {
        var text = new StringBuilder();
        Describe(text, "resultsbot_declarations_accepted_total", "counter", "Council declarations accepted (new results and revisions).");
        Describe(text, "resultsbot_posts_queued_total", "counter", "Posts queued for delivery, one per channel.");
        Describe(text, "resultsbot_posts_delivered_total", "counter", "Posts delivered, by channel.");
        Describe(text, "resultsbot_posts_failed_total", "counter", "Delivery attempts that failed, by channel.");
        foreach (var (name, value) in _counters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{name} {value}\n");
        }

        Describe(text, "resultsbot_delivery_latency_seconds", "histogram", "Time from queueing a post to its delivery.");
        lock (_latencyGate)
        {
            for (var i = 0; i < LatencyBuckets.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"resultsbot_delivery_latency_seconds_bucket{{le=\"{LatencyBuckets[i]}\"}} {_latencyCounts[i]}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"resultsbot_delivery_latency_seconds_bucket{{le=\"+Inf\"}} {_latencyTotal}\n");
            text.Append(CultureInfo.InvariantCulture, $"resultsbot_delivery_latency_seconds_sum {_latencySum}\n");
            text.Append(CultureInfo.InvariantCulture, $"resultsbot_delivery_latency_seconds_count {_latencyTotal}\n");
        }

        Describe(text, "resultsbot_feed_age_seconds", "gauge", "Seconds since something new last came from the feed.");
        text.Append(CultureInfo.InvariantCulture, $"resultsbot_feed_age_seconds {Math.Round(feedAgeSeconds, 3)}\n");
        Describe(text, "resultsbot_feed_failing", "gauge", "1 while the feed cannot be read.");
        text.Append(CultureInfo.InvariantCulture, $"resultsbot_feed_failing {(feedFailing ? 1 : 0)}\n");
        return text.ToString();
    }

    private void Add(string name, long amount) => _counters.AddOrUpdate(name, amount, (_, value) => value + amount);

    private static void Describe(StringBuilder text, string name, string type, string help) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
