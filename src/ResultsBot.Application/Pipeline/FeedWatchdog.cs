using System.Globalization;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Posts;
using ResultsBot.Application.Storage;


namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Tells the operations channel when the feed has been failing or quiet for longer than the policy
/// allows, once per outage, and gives the all-clear when it recovers. Failing outranks quiet.
/// </summary>
public sealed class FeedWatchdog(FeedHealth health, FeedAlertPolicy policy, IResultsLog store, TimeProvider time, CultureInfo culture, ILogger<FeedWatchdog> logger)
{
    private enum Alert
    {
        None,
        Failing,
        Quiet,
    }

    private Alert _raised = Alert.None;
    private DateTimeOffset _since;
    private (Alert Raised, DateTimeOffset Since)? _unqueued; // the alert the store would not take: its retries are logged once

    /// <summary>Looks at the feed's health now; queues an alert or all-clear when one is due. Returns it, if any.</summary>
    public Post? Check(string source)
    {
        var now = time.GetUtcNow();
        var seen = health.Snapshot();
        var quietSince = seen.LastNew ?? seen.Started;
        Post? post = null;
        var (raised, since) = (_raised, _since);

        // A stuck feed (a poll that does not end, a source that stalls mid-answer) is alerted at once: it is
        // already past its deadline, and nothing new can arrive until it ends.
        var stuckSince = seen.StuckSince(now, policy.FailingAfter);
        if (stuckSince is { } stuck && _raised != Alert.Failing)
        {
            post = FeedAlertText.Failing(source, now - stuck, seen.StuckReason(now, policy.FailingAfter), culture);
            (raised, since) = (Alert.Failing, stuck);
        }
        else if (seen.FailingSince is { } failingSince && now - failingSince >= policy.FailingAfter && _raised != Alert.Failing)
        {
            post = FeedAlertText.Failing(source, now - failingSince, seen.Failure ?? "unknown error", culture);
            (raised, since) = (Alert.Failing, failingSince);
        }
        else if (_raised == Alert.Failing && seen.FailingSince is null && stuckSince is null)
        {
            post = FeedAlertText.Recovered(source, now - _since, wasFailing: true, culture);
            raised = Alert.None;
        }
        else if (_raised == Alert.Quiet && seen.LastNew is { } lastNew && lastNew > _since)
        {
            post = FeedAlertText.Recovered(source, lastNew - _since, wasFailing: false, culture);
            raised = Alert.None;
        }
        else if (_raised == Alert.None && seen.FailingSince is null && now - quietSince >= policy.SilentAfter)
        {
            post = FeedAlertText.Silent(source, now - quietSince, seen.LastNew, culture);
            (raised, since) = (Alert.Quiet, quietSince);
        }

        if (post is not null && policy.Channel is { } channel)
        {
            try
            {
                store.Announce(post, [channel]);
            }
            catch (Exception ex) when (StoreFaults.IsTransient(ex))
            {
                // Not raised yet: the same alert is due at the next check, and goes out once the store takes it.
                if (_unqueued != (raised, since))
                {
                    logger.LogWarning("{Alert} (could not queue it for {Channel}: {Reason}; trying again)", post.Headline, channel, StoreFaults.Describe(ex));
                }

                _unqueued = (raised, since);
                return null;
            }
        }

        if (post is not null)
        {
            logger.LogWarning("{Alert}", post.Headline);
        }

        (_raised, _since, _unqueued) = (raised, since, null);
        return post;
    }
}
