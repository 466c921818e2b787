using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Publishing;
using ResultsBot.Platforms;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Publishes what channels subscribed with "publish" owe their followers, as <see cref="PublishPolicy"/> says, on
/// workers of their own, one per channel: a publish that waits an hour for the platform's limit holds up
/// nothing but that channel's later publishes, never a post. What is owed is read from the store each turn (the
/// posts delivered lately, less the publishes recorded), so nothing is kept in memory that a restart could lose.
/// </summary>
public sealed class AnnouncementPublisher(
    IPublishLog log,
    IEnumerable<IMessagePublisher> publishers,
    ChannelSubscriptions subscriptions,
    TimeProvider time,
    ILogger<AnnouncementPublisher>? logger = null,
    Instances.IInstanceCoordination? coordination = null)
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, IMessagePublisher> _publishers = publishers.ToDictionary(p => p.Platform, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelWorker> _workers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _toldNotAnnouncement = new(StringComparer.Ordinal);
    // Whether each channel can publish, asked once a run: a channel that cannot is refused clearly, once, and costs no more requests.
    private readonly ConcurrentDictionary<string, bool?> _announcement = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? NullLogger<AnnouncementPublisher>.Instance;

    /// <summary>Starts the worker of every channel that publishes (at start: what was owed before a restart).</summary>
    public void KickAll(CancellationToken cancellationToken)
    {
        foreach (var channel in subscriptions.Channels.Where(Publishes))
        {
            _ = Ensure(channel, cancellationToken);
        }
    }

    /// <summary>A post went out in this channel: its worker looks at what is owed, if the channel publishes.</summary>
    public void Kick(string channel, CancellationToken cancellationToken)
    {
        if (Publishes(channel))
        {
            _ = Ensure(channel, cancellationToken);
        }
    }

    /// <summary>Publishes what each channel may publish now and returns once every worker has had its turn (tests and replays).</summary>
    public async Task<int> PublishOwedAsync(CancellationToken cancellationToken)
    {
        var counts = await Task.WhenAll(subscriptions.Channels.Where(Publishes).Select(c => Ensure(c, cancellationToken)));
        return counts.Sum();
    }

    // Of several instances sharing a store, the one delivering the channel publishes there too (a publish twice over
    // would only be told it was published already, but one publisher keeps the hourly limit's count honest).
    private bool Publishes(string channel) =>
        subscriptions.FilterOf(channel) is { Publish: true } && subscriptions.Find(channel)?.PausedAt is null && (coordination?.Delivers(channel) ?? true);

    private Task<int> Ensure(string channel, CancellationToken cancellationToken)
    {
        var worker = _workers.GetOrAdd(channel, _ => new ChannelWorker());
        return worker.Ensure(
            () => PublishChannelAsync(channel, worker, cancellationToken),
            ex =>
            {
                _logger.LogWarning("Publishing in {Channel} failed ({Reason}); trying again in {Pause}", channel, ex.Message, RetryAfterFailure);
                WakeAt(channel, worker, time.GetUtcNow() + RetryAfterFailure, cancellationToken);
            },
            cancellationToken);
    }

    private async Task<int> PublishChannelAsync(string channel, ChannelWorker worker, CancellationToken cancellationToken)
    {
        if (!Publishes(channel) || !ChannelAddress.TryParse(channel, out var address) || !_publishers.TryGetValue(address.Platform, out var publisher))
        {
            return 0;
        }

        if (!_announcement.TryGetValue(channel, out var announcement) || announcement is null)
        {
            announcement = await publisher.IsAnnouncementChannelAsync(address.Id, cancellationToken);
            _announcement[channel] = announcement;
            if (announcement == false)
            {
                _toldNotAnnouncement[channel] = true;
                _logger.LogError(
                    "{Channel} is subscribed with publish but Discord says it is not an announcement channel: nothing there will be published. Make it an announcement channel and restart, or subscribe it without publish",
                    channel);
            }
        }

        if (announcement == false)
        {
            return 0;
        }

        var published = 0;
        while (!cancellationToken.IsCancellationRequested && Publishes(channel))
        {
            var now = time.GetUtcNow();
            var since = now - PublishPolicy.OwedFor;
            var records = log.PublishesSince(channel, since);
            var decision = PublishPolicy.Decide(Owed(log.DeliveredSince(channel, since), records), [.. records.Where(r => r.Outcome == PublishOutcome.Published).Select(r => r.RecordedAt)], now);
            if (decision.WaitUntil is { } due)
            {
                _logger.LogDebug("{Channel} has published as much as Discord allows this hour; the next publish waits until {Due:HH:mm:ss}", channel, due);
                WakeAt(channel, worker, due, cancellationToken);
            }

            if (decision.Next is not { } next)
            {
                return published;
            }

            var result = await publisher.PublishAsync(address.Id, next.MessageId, cancellationToken);
            log.RecordPublish(channel, next.MessageId, result is PublishResult.Published or PublishResult.AlreadyPublished ? PublishOutcome.Published : PublishOutcome.GivenUp);
            Tell(channel, next, result);
            published += result == PublishResult.Published ? 1 : 0;
        }

        return published;
    }

    /// <summary>Each message delivered lately, with its rank, unless it is not published or was already dealt with.</summary>
    private static List<PublishCandidate> Owed(IReadOnlyList<DeliveredPost> delivered, IReadOnlyList<PublishRecord> records)
    {
        var done = records.Select(r => r.PlatformMessageId).ToHashSet(StringComparer.Ordinal);
        var owed = new List<PublishCandidate>();
        foreach (var message in delivered.GroupBy(d => d.PlatformMessageId, StringComparer.Ordinal))
        {
            var posts = message.ToList();
            if (!done.Contains(message.Key) && PublishPolicy.RankOf([.. posts.Select(p => p.Post)], posts[0].Corrected) is { } rank)
            {
                owed.Add(new PublishCandidate(message.Key, rank, posts.Min(p => p.DeliveredAt)));
            }
        }

        return owed;
    }

    private void Tell(string channel, PublishCandidate candidate, PublishResult result)
    {
        switch (result)
        {
            case PublishResult.Published or PublishResult.AlreadyPublished:
                _logger.LogInformation("Published {MessageId} ({Rank}) in {Channel}", candidate.MessageId, candidate.Rank, channel);
                break;
            case PublishResult.NotAnnouncementChannel when _toldNotAnnouncement.TryAdd(channel, true):
                _logger.LogWarning("{Channel} is subscribed with publish but is not an announcement channel: its posts are not published. Make it an announcement channel, or /subscribe there without publish", channel);
                break;
            case PublishResult.NotAnnouncementChannel:
                break;
            default:
                _logger.LogWarning("{MessageId} in {Channel} will not be published: {Result}", candidate.MessageId, channel, result);
                break;
        }
    }

    /// <summary>One wake-up per channel, the earliest asked for.</summary>
    private void WakeAt(string channel, ChannelWorker worker, DateTimeOffset due, CancellationToken cancellationToken)
    {
        lock (worker)
        {
            if (worker.WakeAt is { } already && already <= due && already > time.GetUtcNow())
            {
                return;
            }

            worker.WakeAt = due;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                timer?.Dispose();
                lock (worker)
                {
                    if (worker.WakeAt == due)
                    {
                        worker.WakeAt = null;
                    }
                }

                if (!cancellationToken.IsCancellationRequested)
                {
                    _ = Ensure(channel, cancellationToken);
                }
            },
            null,
            due - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }
}
