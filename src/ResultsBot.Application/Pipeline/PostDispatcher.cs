using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Application.Instances;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Sends every queued post to its channel, oldest first, and records each as delivered only once it went
/// out. Each channel has its own worker, so one slow or broken channel never holds up the rest. A channel
/// taking digests gets declarations that arrive within its window as one post. A channel that fails keeps
/// its posts queued, in order, and is tried again after a growing pause; one the platform says is gone is
/// paused and reported, not retried forever.
/// </summary>
public sealed class PostDispatcher(
    IResultsStore store,
    IEnumerable<IPlatformOutlet> outlets,
    ChannelSubscriptions subscriptions,
    DigestComposer digests,
    TimeProvider time,
    ILogger<PostDispatcher>? logger = null,
    Operations.BotMetrics? metrics = null,
    FeedAlertPolicy? operations = null,
    PlatformOutages? outages = null,
    Operations.StoreWatch? storeWatch = null,
    HistoryGuard? guard = null,
    IPostPictures? pictures = null,
    AnnouncementPublisher? publisher = null,
    IInstanceCoordination? coordination = null)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, IPlatformOutlet> _outlets = outlets.ToDictionary(o => o.Platform, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelWorker> _workers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset NotBefore)> _backoff = new(StringComparer.Ordinal);
    // The turn each channel's running pass holds: its sends stop when the channel's partition is handed on.
    private readonly ConcurrentDictionary<string, DeliveryTurn> _turns = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? NullLogger<PostDispatcher>.Instance;
    private volatile bool _flush;

    public IReadOnlyCollection<string> Platforms => _outlets.Keys;

    // Of several instances sharing a store, a channel is sent to only by the one holding its delivery partition: one
    // sender per channel keeps its posts in order, and a new holder resumes its queue with the same attempt-marked,
    // looked-up sends as a restart.
    private bool Delivers(string channel) => coordination?.Delivers(channel) ?? true;

    /// <summary>Starts a worker for every channel this instance delivers with posts waiting, without waiting for them (the feed loop goes on).</summary>
    public void Kick(CancellationToken cancellationToken)
    {
        foreach (var channel in store.ChannelsWithPending().Where(Delivers))
        {
            _ = Ensure(channel, cancellationToken);
        }
    }

    /// <summary>Sends what is waiting on every channel and returns once each channel has had its turn.</summary>
    /// <param name="flush">Send digests now rather than wait out their window (a replay that is about to exit).</param>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken, bool flush = false)
    {
        _flush = flush;
        try
        {
            var counts = await Task.WhenAll(store.ChannelsWithPending().Where(Delivers).Select(c => Ensure(c, cancellationToken)));
            return counts.Sum();
        }
        finally
        {
            _flush = false;
        }
    }

    /// <summary>The channel's worker, started if it was idle; if busy, it is told to look again before it stops.</summary>
    private Task<int> Ensure(string channel, CancellationToken cancellationToken) =>
        _workers.GetOrAdd(channel, _ => new ChannelWorker()).Ensure(
            () => DeliverChannelAsync(channel, cancellationToken),
            // The posts stay queued for the next turn.
            ex => _logger.LogError(ex, "Delivery to {Channel} failed unexpectedly; its posts stay queued", channel),
            cancellationToken);

    private async Task<int> DeliverChannelAsync(string channel, CancellationToken cancellationToken)
    {
        // Held for the whole pass: the partition is not handed on under it, and a hand-on stops it before its next send.
        using var turn = coordination is null ? DeliveryTurn.Always : coordination.BeginDelivery(channel);
        if (turn is null)
        {
            return 0; // another instance delivers this channel (or took it over since this worker was started)
        }

        _turns[channel] = turn;
        try
        {
            return await DeliverInTurnAsync(channel, cancellationToken);
        }
        catch (OperationCanceledException) when (turn.Ending.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("Stopped delivering to {Channel}: its delivery partition went to another instance, which resumes its posts where this one stopped", channel);
            return 0;
        }
        catch (DeliveryLeaseLostException lost)
        {
            // Not the platform's fault nor the store's: no backoff, no outage alert; whoever holds the lease sends them.
            // A lease the server no longer shows held is warned of where it is found; otherwise it was just handed on.
            _logger.LogInformation("Stopped delivering to {Channel} before a send ({Reason}); nothing went out, and its posts stay queued for the instance that holds it", channel, lost.Message);
            return 0;
        }
        finally
        {
            _turns.TryRemove(channel, out _);
        }
    }

    /// <summary>Cancelled when the channel's running pass must stop: its partition is being handed on (or was lost).</summary>
    private CancellationToken TurnEnding(string channel) => _turns.TryGetValue(channel, out var turn) ? turn.Ending : CancellationToken.None;

    private async Task<int> DeliverInTurnAsync(string channel, CancellationToken cancellationToken)
    {
        if (_backoff.TryGetValue(channel, out var backoff) && time.GetUtcNow() < backoff.NotBefore)
        {
            return 0;
        }

        if (!ChannelAddress.TryParse(channel, out var address) || !_outlets.TryGetValue(address.Platform, out var outlet))
        {
            return 0; // A channel of a platform not running now (e.g. Slack not configured this time): kept for later.
        }

        if (guard is not null && !await guard.MaySendAsync(outlet, cancellationToken))
        {
            return 0; // The database does not match the channels: the bot is stopping and sends nothing.
        }

        try
        {
            var digest = subscriptions.DigestFor(channel);
            var sent = digest.Enabled
                ? await DeliverWithDigestsAsync(outlet, address, digest, cancellationToken)
                : await DeliverEachAsync(outlet, address, store.PendingDeliveries(channel), cancellationToken);
            if (_backoff.TryRemove(channel, out _))
            {
                _logger.LogInformation("Channel {Channel} is taking posts again", channel);
            }

            if (sent > 0)
            {
                // Publishing has its own worker: this channel's next post never waits for a publish.
                publisher?.Kick(channel, cancellationToken);
            }

            return sent;
        }
        catch (ChannelGoneException gone)
        {
            _backoff.TryRemove(channel, out _);
            Pause(channel, gone.Reason);
            return 0;
        }
        catch (Exception ex) when (ex is not DeliveryLeaseLostException && (ex is not OperationCanceledException || !(cancellationToken.IsCancellationRequested || TurnEnding(channel).IsCancellationRequested)))
        {
            var failures = backoff.Failures + 1;
            var pause = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 16)));
            _backoff[channel] = (failures, time.GetUtcNow() + pause);
            if (StoreFaults.IsTransient(ex) && storeWatch is not null)
            {
                // The database failing is not the platform's outage (and an alert could not be queued anyway):
                // the store's watch reports it once for every channel, not a line per channel per retry.
                storeWatch.Refused($"the progress of {channel}'s posts", ex, "its posts stay queued, in order, and are tried again");
            }
            else
            {
                _logger.LogWarning("Channel {Channel} failed ({Reason}); its posts stay queued in order, next try in {Pause}", channel, ex.Message, pause);
                if (!StoreFaults.IsTransient(ex))
                {
                    metrics?.PostFailed(address.Platform);
                    Tell(outages?.Failed(address.Platform, ex.Message));
                }
            }

            RetryLater(channel, pause, cancellationToken);
            return 0;
        }
    }

    private void RetryLater(string channel, TimeSpan pause, CancellationToken cancellationToken)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                timer?.Dispose();
                if (!cancellationToken.IsCancellationRequested)
                {
                    _ = Ensure(channel, cancellationToken);
                }
            },
            null,
            pause,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>Runs the channel's worker at <paramref name="due"/>; one wake-up per channel, the earliest asked for.</summary>
    private void WakeAt(string channel, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var worker = _workers.GetOrAdd(channel, _ => new ChannelWorker());
        lock (worker)
        {
            if (worker.WakeAt is { } already && already <= due)
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
            due - time.GetUtcNow(),
            Timeout.InfiniteTimeSpan);
    }

    private void Pause(string channel, string reason)
    {
        subscriptions.Pause(channel, reason);
        metrics?.ChannelPaused();
        _logger.LogWarning("Channel {Channel} paused: {Reason}. Its posts are kept; an admin can /subscribe there again to resume", channel, reason);
        if (operations?.Channel is { } ops && ops != channel)
        {
            store.Announce(
                new Post(PostKind.Announcement, "channel/" + channel, $"Channel {channel} paused", [$"The platform says: {reason}.", "Its posts are kept; an admin can /subscribe there again to resume it."]),
                [ops]);
            _ = Ensure(ops, CancellationToken.None);
        }
    }

    /// <summary>Queues a platform alert for the operations channel and gets it going.</summary>
    private void Tell(Post? alert)
    {
        if (alert is null)
        {
            return;
        }

        _logger.LogWarning("{Alert}", alert.Headline);
        if (operations?.Channel is { } ops)
        {
            store.Announce(alert, [ops]);
            _ = Ensure(ops, CancellationToken.None);
        }
    }

    private async Task<int> DeliverEachAsync(IPlatformOutlet outlet, ChannelAddress address, IEnumerable<PendingDelivery> deliveries, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var delivery in deliveries)
        {
            if (await SendAsync(outlet, address, delivery, delivery.Post, cancellationToken, withPictures: true) is { } platformId)
            {
                await RecordDeliveredAsync(delivery, platformId.Id, cancellationToken);
                metrics?.PostDelivered(address.Platform, time.GetUtcNow() - delivery.QueuedAt);
                _logger.LogDebug("{Subject} delivered to {Channel} as {MessageId}", delivery.Post.Subject, address, platformId.Id);
                Tell(outages?.Delivered(address.Platform));
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// Records a post that went out. The store may be briefly locked or full: sending again would post
    /// twice, so the record is retried (the channel waits, keeping its order) until it is written.
    /// </summary>
    private Task RecordDeliveredAsync(PendingDelivery delivery, string? platformId, CancellationToken cancellationToken) =>
        RecordDeliveredAsync([delivery], platformId, cancellationToken);

    /// <summary>The same for every post a digest carried, in one transaction.</summary>
    private async Task RecordDeliveredAsync(List<PendingDelivery> deliveries, string? platformId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                store.MarkDelivered([.. deliveries.Select(d => d.DeliveryId)], platformId);
                return;
            }
            catch (Exception ex) when (StoreFaults.IsStoreFailure(ex))
            {
                if (attempt == 1)
                {
                    _logger.LogWarning("{Subject} went out to {Channel} but could not be recorded ({Reason}); trying again", deliveries[0].Post.Subject, deliveries[0].Channel, ex.Message);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * attempt)), time, cancellationToken);
            }
        }
    }

    /// <summary>Sends one post; null when the platform refused it for good (then it is settled as failed).</summary>
    /// <param name="withPictures">False for a digest: many results in one post carry no single picture.</param>
    private async Task<SentId?> SendAsync(IPlatformOutlet outlet, ChannelAddress address, PendingDelivery delivery, Post post, CancellationToken cancellationToken, bool withPictures = false)
    {
        var ending = TurnEnding(delivery.Channel);
        ending.ThrowIfCancellationRequested(); // handed on: not even marked attempted, so the next holder just sends it
        store.MarkAttempted(delivery.Channel, delivery.DeliveryId);
        // A correction queued behind its original (after an outage) was read before the original went out:
        // ask again, so it edits the post that went out a moment ago instead of standing beside it.
        var original = delivery.CorrectsPlatformMessageId
            ?? (delivery.CorrectsPostId is { } corrects ? store.DeliveredMessageId(corrects, delivery.Channel) : null);
        var replacement = original is null && delivery.CorrectsPostId is { } inDigest ? CorrectedDigest(inDigest, delivery.Channel, post) : null;
        try
        {
            var outgoing = new OutgoingPost(delivery.DeliveryId, address.Id, post, original ?? replacement?.MessageId, delivery.Attempted)
            {
                Replacement = replacement?.Digest,
                AttemptedAt = delivery.AttemptedAt,
                PreviousMessageId = delivery.PreviousPlatformMessageId,
                // Drawn as it goes out, from the book: nothing but the post is stored, so a restart redraws the same.
                // A correction that edits a digest has none: the digest carried none to replace.
                Images = withPictures && replacement is null && pictures is not null ? pictures.For(post, subscriptions.FilterOf(delivery.Channel)?.Images) : [],
                ThreadPerCouncil = subscriptions.FilterOf(delivery.Channel)?.ForumPerCouncil == true,
            };
            // A hand-on cancels a send in flight: marked attempted, it is looked for by the next holder as after a restart.
            using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ending);
            var id = await outlet.SendAsync(outgoing, sending.Token);
            return new SentId(id);
        }
        catch (PostRejectedException rejected)
        {
            store.MarkFailed(delivery.DeliveryId, rejected.Reason);
            metrics?.PostFailed(address.Platform);
            _logger.LogError("{Subject} (\"{Post}\") refused by {Channel} ({Reason}); going on with the next", delivery.Post.Subject, delivery.Post.Headline, address, rejected.Reason);
            return null;
        }
    }

    private async Task<int> DeliverWithDigestsAsync(IPlatformOutlet outlet, ChannelAddress address, DigestPolicy digest, CancellationToken cancellationToken)
    {
        var pending = store.PendingDeliveries(address.ToString()).ToList();
        var sent = 0;
        while (pending.Count > 0)
        {
            var head = pending[0];
            if (head.Post.Kind != PostKind.Declaration)
            {
                sent += await DeliverEachAsync(outlet, address, [head], cancellationToken);
                pending.RemoveAt(0);
                continue;
            }

            var closes = head.QueuedAt + digest.Window;
            if (!_flush && time.GetUtcNow() < closes)
            {
                // The window is still open; everything behind it waits, to keep the order. The digest goes
                // out when the window closes, whether or not anything else arrives (or the feed is down).
                WakeAt(address.ToString(), closes, cancellationToken);
                break;
            }

            var group = pending.TakeWhile(d => d.Post.Kind == PostKind.Declaration && d.QueuedAt <= closes).ToList();
            if (group.Count == 1)
            {
                sent += await DeliverEachAsync(outlet, address, group, cancellationToken);
            }
            else if (await SendDigestAsync(outlet, address, group, cancellationToken) is { } platformId)
            {
                await RecordDeliveredAsync(group, platformId.Id, cancellationToken);
                foreach (var delivery in group)
                {
                    metrics?.PostDelivered(address.Platform, time.GetUtcNow() - delivery.QueuedAt);
                }

                sent++;
            }
            else
            {
                foreach (var delivery in group.Skip(1))
                {
                    store.MarkFailed(delivery.DeliveryId, "its digest was refused by the platform");
                }
            }

            pending.RemoveRange(0, group.Count);
        }

        return sent;
    }

    /// <summary>
    /// The digest an original went out in, composed again with the original's line replaced by the
    /// correction's headline, so the digest is edited in place rather than left wrong.
    /// </summary>
    private (string MessageId, Post Digest)? CorrectedDigest(long correctsPostId, string channel, Post correction)
    {
        if (store.DigestCarrying(correctsPostId, channel) is not { } digest)
        {
            return null;
        }

        var posts = digest.Posts.Select(p => p.PostId == correctsPostId ? p.Post with { Headline = correction.Headline } : p.Post).ToList();
        return (digest.MessageId, digests.Compose(posts));
    }

    /// <summary>
    /// Sends a group as one digest under its head's key. Every post in it is marked attempted first, so after
    /// a crash none of them can start a digest of its own that the platform has never seen a key for.
    /// </summary>
    private Task<SentId?> SendDigestAsync(IPlatformOutlet outlet, ChannelAddress address, List<PendingDelivery> group, CancellationToken cancellationToken)
    {
        TurnEnding(group[0].Channel).ThrowIfCancellationRequested();
        store.MarkAttempted(group[0].Channel, [.. group.Select(d => d.DeliveryId)]);
        return SendAsync(outlet, address, group[0], digests.Compose([.. group.Select(d => d.Post)]), cancellationToken);
    }

    private readonly record struct SentId(string? Id);
}
