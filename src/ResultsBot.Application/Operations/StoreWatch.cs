using System.Globalization;
using Humanizer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Text;
using ResultsBot.Application.Pipeline;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;


namespace ResultsBot.Application.Operations;

/// <summary>
/// Whether the bot's database can be written, for readiness, the log and the operations channel. A probe
/// writes a row every couple of seconds in the background, so /readyz answers at once from what it last
/// found even while the database is locked; writes the bot needed and could not make are reported here.
/// An outage is logged once and summarised once a minute (not once per file per poll), alerted once when
/// it has lasted <see cref="FeedAlertPolicy.FailingAfter"/>, and given the all-clear when writes work again.
/// Alerts go straight to the operations channel's platform: the outbox is in the database that is failing.
/// </summary>
public sealed class StoreWatch(
    IResultsStore store,
    FeedAlertPolicy policy,
    IEnumerable<IPlatformOutlet> outlets,
    TimeProvider time,
    CultureInfo culture,
    ILogger<StoreWatch> logger) : BackgroundService
{
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SummaryEvery = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private Outage? _outage;
    private DateTimeOffset _lastRefusal = DateTimeOffset.MinValue;
    private TimeSpan? _allClearDue; // the outage an alert was sent for, until its all-clear goes out

    /// <summary>"ok", or since when and why the database cannot be written (for /readyz).</summary>
    public string Status
    {
        get
        {
            lock (_gate)
            {
                return _outage is { } outage ? $"not writable since {UkTime.Format(outage.Since, culture)}: {outage.Reason}" : "ok";
            }
        }
    }

    /// <summary>A write the bot needed was refused (what names it: a feed file, an alert). Logged once per outage, then summarised.</summary>
    /// <param name="then">What happens to it meanwhile, for the first line of the outage.</param>
    public void Refused(string what, Exception exception, string then = "it will be read again")
    {
        var now = time.GetUtcNow();
        var reason = StoreFaults.Describe(exception);
        lock (_gate)
        {
            _lastRefusal = now;
            if (_outage is null)
            {
                _outage = new Outage(now, reason) { LastSummary = now };
                logger.LogError(
                    "Could not store {What} ({Reason}: {Error}); {Then}, and until the database can be written further failures are summarised once a minute",
                    what, reason, StoreFaults.Detail(exception), then);
                return;
            }

            _outage.Reason = reason;
            _outage.RefusedSinceSummary++;
            if (now - _outage.LastSummary >= SummaryEvery)
            {
                logger.LogError(
                    "The database still cannot be written ({Reason}): {Count} writes refused in the last minute; nothing is lost, each is tried again",
                    reason, _outage.RefusedSinceSummary);
                (_outage.LastSummary, _outage.RefusedSinceSummary) = (now, 0);
            }
        }
    }

    /// <summary>One probe and whatever alert or all-clear it makes due. A damaged database throws (that is fatal, not an outage).</summary>
    public async Task ProbeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A thread of its own: a locked database holds it for the busy timeout, and on a small machine a
            // pool thread held that long is one the web server (answering /readyz) waits for.
            await Task.Factory.StartNew(store.ProbeWrite, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Writable();
        }
        catch (Exception ex) when (StoreFaults.IsTransient(ex))
        {
            Refused("the health probe's row", ex);
        }

        await AlertAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProbeOnceAsync(stoppingToken);
                await Task.Delay(ProbeEvery, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The probe's row went in. A small write can still fit where the bot's bigger ones do not (a full disk
    /// with room left in the write-ahead log), so an outage ends only when nothing was refused for two probes.
    /// </summary>
    private void Writable()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_outage is not { } outage || now - _lastRefusal < 2 * ProbeEvery)
            {
                return;
            }

            _outage = null;
            logger.LogInformation("The database can be written again, after {Outage}; what was refused meanwhile is being stored now", (now - outage.Since).Humanize(precision: 2, culture: culture, minUnit: TimeUnit.Second));
            if (outage.Alerted)
            {
                _allClearDue = now - outage.Since;
            }
        }
    }

    private async Task AlertAsync(CancellationToken cancellationToken)
    {
        Post? post;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            post = _outage is { Alerted: false } outage && now - outage.Since >= policy.FailingAfter
                ? StoreAlertText.Failing(outage.Reason, now - outage.Since, culture)
                : _outage is null && _allClearDue is { } lasted ? StoreAlertText.Recovered(lasted, culture)
                : null;
        }

        if (post is null || !await SendAsync(post, cancellationToken))
        {
            return;
        }

        lock (_gate)
        {
            if (post.Headline.StartsWith("Database back", StringComparison.Ordinal))
            {
                _allClearDue = null;
            }
            else if (_outage is { } outage)
            {
                outage.Alerted = true;
            }
        }
    }

    /// <summary>Straight to the operations channel's platform (or only the log); false when it could not be sent, to try again next probe.</summary>
    private async Task<bool> SendAsync(Post post, CancellationToken cancellationToken)
    {
        logger.LogWarning("{Alert}", post.Headline);
        if (policy.Channel is not { } channel || !ChannelAddress.TryParse(channel, out var address)
            || outlets.FirstOrDefault(o => o.Platform == address.Platform) is not { } outlet)
        {
            return true;
        }

        try
        {
            // Not queued in the outbox, which is in the failing database: an id of its own, never a delivery's.
            var id = -time.GetUtcNow().ToUnixTimeMilliseconds();
            await outlet.SendAsync(new OutgoingPost(id, address.Id, post), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not tell {Channel} about the database ({Reason}); trying again", channel, ex.Message);
            return false;
        }
    }

    private sealed class Outage(DateTimeOffset since, string reason)
    {
        public DateTimeOffset Since { get; } = since;

        public string Reason { get; set; } = reason;

        public DateTimeOffset LastSummary { get; set; }

        public int RefusedSinceSummary { get; set; }

        public bool Alerted { get; set; }
    }
}
