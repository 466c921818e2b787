using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ResultsBot.Platforms;

namespace ResultsBot.Operations;

/// <summary>
/// The night's counters, written out in Prometheus text format: declarations accepted, posts queued,
/// delivered and failed per platform, how long posts waited to go out, how fresh the feed is, and what
/// the platforms did (429s, invalid requests, reconnects, whether each is connected).
/// </summary>
public sealed class BotMetrics : IPlatformMonitor
{
    private readonly ConcurrentDictionary<string, (bool Connected, string Detail)> _connections = new(StringComparer.Ordinal);

    private static readonly double[] LatencyBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly Lock _latencyGate = new();
    private readonly long[] _latencyCounts = new long[LatencyBuckets.Length];
    private long _latencyTotal;
    private double _latencySum;

    public void DeclarationAccepted() => Add("resultsbot_declarations_accepted_total", 1);

    /// <summary>A feed file refused as bad (counted once per file and content, as it is reported).</summary>
    public void FeedFileRefused() => Add("resultsbot_feed_files_refused_total", 1);

    public void PostsQueued(int count) => Add("resultsbot_posts_queued_total", count);

    /// <summary>Each platform with a connection to keep (Gateway, Socket Mode), and whether it is up now.</summary>
    public IReadOnlyDictionary<string, (bool Connected, string Detail)> Connections => _connections;

    public void ConnectionChanged(string platform, bool connected, string detail) => _connections[platform] = (connected, detail);

    public void Reconnected(string platform) => Add($"resultsbot_platform_reconnects_total{{platform=\"{Escape(platform)}\"}}", 1);

    public void RateLimited(string platform) => Add($"resultsbot_platform_rate_limited_total{{platform=\"{Escape(platform)}\"}}", 1);

    public void InvalidRequest(string platform, int status) =>
        Add($"resultsbot_platform_invalid_requests_total{{platform=\"{Escape(platform)}\",status=\"{status}\"}}", 1);

    public void ChannelPaused() => Add("resultsbot_channels_paused_total", 1);

    public void PostDelivered(string platform, TimeSpan waited)
    {
        Add($"resultsbot_posts_delivered_total{{platform=\"{Escape(platform)}\"}}", 1);
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

    public void PostFailed(string platform) => Add($"resultsbot_posts_failed_total{{platform=\"{Escape(platform)}\"}}", 1);

    /// <param name="feedAgeSeconds">Seconds since something new last came from the feed (or since start).</param>
    /// <param name="feedFailing">Whether the last read of the feed failed.</param>
    public string ToPrometheusText(double feedAgeSeconds, bool feedFailing)
    {
        var text = new StringBuilder();
        Describe(text, "resultsbot_declarations_accepted_total", "counter", "Council declarations accepted (new results and revisions).");
        Describe(text, "resultsbot_feed_files_refused_total", "counter", "Feed files refused as bad, each reported once with its name and reason.");
        Describe(text, "resultsbot_posts_queued_total", "counter", "Posts queued for delivery, one per channel.");
        Describe(text, "resultsbot_posts_delivered_total", "counter", "Posts delivered, by platform.");
        Describe(text, "resultsbot_posts_failed_total", "counter", "Delivery attempts that failed, by platform.");
        Describe(text, "resultsbot_platform_rate_limited_total", "counter", "429 answers from a platform.");
        Describe(text, "resultsbot_platform_invalid_requests_total", "counter", "401, 403 and 429 answers (Discord bans at 10,000 in 10 minutes).");
        Describe(text, "resultsbot_platform_reconnects_total", "counter", "Gateway or Socket Mode reconnections.");
        Describe(text, "resultsbot_channels_paused_total", "counter", "Channels paused because the platform said they are gone.");
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

        Describe(text, "resultsbot_platform_connected", "gauge", "1 while the platform's connection (Gateway, Socket Mode) is up.");
        foreach (var (platform, state) in _connections.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"resultsbot_platform_connected{{platform=\"{Escape(platform)}\"}} {(state.Connected ? 1 : 0)}\n");
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
