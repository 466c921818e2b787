using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ResultsBot.Platforms;

namespace ResultsBot.Application.Operations;

/// <summary>
/// The night's measurements as .NET meters (exported by OpenTelemetry: Prometheus on /metrics, OTLP when an
/// endpoint is set): declarations accepted, posts queued, delivered and failed per platform, how long posts waited
/// to go out, how fresh the feed is, and what the platforms did (429s, invalid requests, reconnects, whether each is
/// connected). Counters are observed from totals kept here, so each exists at zero from the start (per platform
/// once the platforms are known) rather than appearing with its first event.
/// </summary>
public sealed class BotMetrics : IPlatformMonitor, IDisposable
{
    public const string MeterName = "ResultsBot";

    private static readonly double[] LatencyBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Meter _meter = new(MeterName);
    private readonly ConcurrentDictionary<string, (bool Connected, string Detail)> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CounterKey, long> _counters = new();
    private readonly Histogram<double> _latency;
    private readonly List<string> _byPlatform = [];
    private Func<(double AgeSeconds, bool Failing)>? _feed;
    private Func<bool>? _feedReader;

    public BotMetrics()
    {
        Counter("resultsbot_declarations_accepted", Labels.None, "Council declarations accepted (new results and revisions).");
        Counter("resultsbot_feed_files_refused", Labels.None, "Feed files refused as bad, each reported once with its name and reason.");
        Counter("resultsbot_posts_queued", Labels.None, "Posts queued for delivery, one per channel.");
        Counter("resultsbot_posts_delivered", Labels.Platform, "Posts delivered, by platform.");
        Counter("resultsbot_posts_failed", Labels.Platform, "Delivery attempts that failed, by platform.");
        Counter("resultsbot_platform_rate_limited", Labels.Platform, "429 answers from a platform.");
        Counter("resultsbot_platform_invalid_requests", Labels.PlatformAndStatus, "401, 403 and 429 answers (Discord bans at 10,000 in 10 minutes).");
        Counter("resultsbot_platform_reconnects", Labels.Platform, "Gateway or Socket Mode reconnections.");
        Counter("resultsbot_channels_paused", Labels.None, "Channels paused because the platform said they are gone.");
        _latency = _meter.CreateHistogram(
            "resultsbot_delivery_latency",
            "s",
            "Time from queueing a post to its delivery.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _meter.CreateObservableGauge(
            "resultsbot_platform_connected",
            () => _connections.Select(c => new Measurement<int>(c.Value.Connected ? 1 : 0, new KeyValuePair<string, object?>("platform", c.Key))),
            description: "1 while the platform's connection (Gateway, Socket Mode) is up.");
        _meter.CreateObservableGauge(
            "resultsbot_feed_age",
            () => ReadsTheFeed && _feed is { } feed ? [new Measurement<double>(Math.Round(feed().AgeSeconds, 3))] : Array.Empty<Measurement<double>>(),
            "s",
            "Seconds since something new last came from the feed (on the instance reading it).");
        _meter.CreateObservableGauge(
            "resultsbot_feed_failing",
            () => ReadsTheFeed && _feed is { } feed ? [new Measurement<int>(feed().Failing ? 1 : 0)] : Array.Empty<Measurement<int>>(),
            description: "1 while the feed cannot be read (on the instance reading it).");
        _meter.CreateObservableGauge(
            "resultsbot_feed_reader",
            () => _feedReader is { } reader ? [new Measurement<int>(reader() ? 1 : 0)] : Array.Empty<Measurement<int>>(),
            description: "1 while this instance reads the feed (and delivers), 0 while it stands by for another.");
    }

    /// <summary>This instance's meter (tests listen to it alone; exporters listen by <see cref="MeterName"/>).</summary>
    internal Meter Meter => _meter;

    /// <summary>Each platform with a connection to keep (Gateway, Socket Mode), and whether it is up now.</summary>
    public IReadOnlyDictionary<string, (bool Connected, string Detail)> Connections => _connections;

    /// <summary>The platforms running: their per-platform counters exist at zero from now.</summary>
    public void Expect(IEnumerable<string> platforms)
    {
        foreach (var platform in platforms)
        {
            foreach (var family in _byPlatform)
            {
                _counters.TryAdd(new CounterKey(family, platform), 0);
            }
        }
    }

    /// <summary>Where the feed's freshness comes from (the host's feed health), read at each collection.</summary>
    public void ObserveFeed(Func<(double AgeSeconds, bool Failing)> feed) => _feed = feed;

    /// <summary>Whether this instance is the feed reader (the instances' coordination), read at each collection.</summary>
    public void ObserveRole(Func<bool> isFeedReader) => _feedReader = isFeedReader;

    // A standby reads no feed: its feed age would only grow, and an alert on it would fire on every standby all night.
    private bool ReadsTheFeed => _feedReader is not { } reader || reader();

    public void DeclarationAccepted() => Add(new CounterKey("resultsbot_declarations_accepted"), 1);

    /// <summary>A feed file refused as bad (counted once per file and content, as it is reported).</summary>
    public void FeedFileRefused() => Add(new CounterKey("resultsbot_feed_files_refused"), 1);

    public void PostsQueued(int count) => Add(new CounterKey("resultsbot_posts_queued"), count);

    public void ConnectionChanged(string platform, bool connected, string detail) => _connections[platform] = (connected, detail);

    public void Reconnected(string platform) => Add(new CounterKey("resultsbot_platform_reconnects", platform), 1);

    public void RateLimited(string platform) => Add(new CounterKey("resultsbot_platform_rate_limited", platform), 1);

    public void InvalidRequest(string platform, int status) => Add(new CounterKey("resultsbot_platform_invalid_requests", platform, status), 1);

    public void ChannelPaused() => Add(new CounterKey("resultsbot_channels_paused"), 1);

    public void PostDelivered(string platform, TimeSpan waited)
    {
        Add(new CounterKey("resultsbot_posts_delivered", platform), 1);
        _latency.Record(Math.Max(0, waited.TotalSeconds));
    }

    public void PostFailed(string platform) => Add(new CounterKey("resultsbot_posts_failed", platform), 1);

    public void Dispose() => _meter.Dispose();

    private void Counter(string name, Labels labels, string description)
    {
        // A family with no labels exists at zero from the start; one by platform from Expect (every running
        // platform); one by platform and status from its first event (which statuses come is not known ahead).
        if (labels == Labels.None)
        {
            _counters.TryAdd(new CounterKey(name), 0);
        }
        else if (labels == Labels.Platform)
        {
            _byPlatform.Add(name);
        }

        _meter.CreateObservableCounter(name, () => Observe(name), description: description);
    }

    private IEnumerable<Measurement<long>> Observe(string family) =>
        _counters.Where(c => c.Key.Family == family).Select(c => new Measurement<long>(c.Value, c.Key.Tags()));

    private void Add(CounterKey key, long amount) => _counters.AddOrUpdate(key, amount, (_, value) => value + amount);

    private enum Labels
    {
        None,
        Platform,
        PlatformAndStatus,
    }

    private readonly record struct CounterKey(string Family, string? Platform = null, int? Status = null)
    {
        public KeyValuePair<string, object?>[] Tags() => (Platform, Status) switch
        {
            (null, _) => [],
            ({ } platform, null) => [new("platform", platform)],
            ({ } platform, { } status) => [new("platform", platform), new("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        };
    }
}
