using System.Collections.Concurrent;
using System.Globalization;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Notices when a platform has been failing for longer than the operations policy allows (once per
/// outage) and when it delivers again, with the post to tell the operations channel each time.
/// </summary>
public sealed class PlatformOutages(FeedAlertPolicy policy, TimeProvider time, CultureInfo culture)
{
    private readonly ConcurrentDictionary<string, Outage> _outages = new(StringComparer.Ordinal);

    /// <summary>A delivery to the platform failed; returns the alert when one is now due.</summary>
    public Post? Failed(string platform, string reason)
    {
        var now = time.GetUtcNow();
        var outage = _outages.GetOrAdd(platform, _ => new Outage(now));
        lock (outage)
        {
            if (outage.Announced || now - outage.Since < policy.FailingAfter)
            {
                return null;
            }

            outage.Announced = true;
            return PlatformAlertText.Failing(platform, now - outage.Since, reason, culture);
        }
    }

    /// <summary>A delivery to the platform went out; returns the all-clear when an outage had been announced.</summary>
    public Post? Delivered(string platform)
    {
        if (!_outages.TryRemove(platform, out var outage))
        {
            return null;
        }

        lock (outage)
        {
            return outage.Announced ? PlatformAlertText.Recovered(platform, time.GetUtcNow() - outage.Since, culture) : null;
        }
    }

    private sealed class Outage(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;

        public bool Announced { get; set; }
    }
}
