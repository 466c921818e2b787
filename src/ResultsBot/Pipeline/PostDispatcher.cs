using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Domain.Posts;
using ResultsBot.Storage;

namespace ResultsBot.Pipeline;

/// <summary>
/// Sends every queued post to its channel, oldest first, and records each as delivered only once it went
/// out. A channel taking digests gets declarations that arrive within its window as one post. A channel
/// that fails keeps its posts queued, in order, and is tried again after a growing pause; the other
/// channels do not wait for it.
/// </summary>
public sealed class PostDispatcher(
    SqliteResultsStore store,
    IEnumerable<IPostSink> sinks,
    DigestComposer digests,
    TimeProvider time,
    ILogger<PostDispatcher>? logger = null,
    Operations.BotMetrics? metrics = null)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyList<IPostSink> _sinks = [.. sinks];
    private readonly Dictionary<string, (int Failures, DateTimeOffset NotBefore)> _backoff = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? NullLogger<PostDispatcher>.Instance;

    public IReadOnlyList<string> Channels => [.. _sinks.Select(s => s.Channel)];

    /// <param name="flush">Send digests now rather than wait out their window (a replay that is about to exit).</param>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken, bool flush = false)
    {
        var sent = 0;
        foreach (var sink in _sinks)
        {
            if (_backoff.TryGetValue(sink.Channel, out var backoff) && time.GetUtcNow() < backoff.NotBefore)
            {
                continue;
            }

            try
            {
                sent += sink.Digest.Enabled
                    ? await DeliverWithDigestsAsync(sink, flush, cancellationToken)
                    : await DeliverEachAsync(sink, store.PendingDeliveries(sink.Channel), cancellationToken);
                if (_backoff.Remove(sink.Channel))
                {
                    _logger.LogInformation("Channel {Channel} is taking posts again", sink.Channel);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var failures = backoff.Failures + 1;
                var pause = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 16)));
                _backoff[sink.Channel] = (failures, time.GetUtcNow() + pause);
                metrics?.PostFailed(sink.Channel);
                _logger.LogWarning("Channel {Channel} failed ({Reason}); its posts stay queued in order, next try in {Pause}", sink.Channel, ex.Message, pause);
            }
        }

        return sent;
    }

    private async Task<int> DeliverEachAsync(IPostSink sink, IEnumerable<PendingDelivery> deliveries, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var delivery in deliveries)
        {
            var platformId = await sink.SendAsync(delivery, cancellationToken);
            store.MarkDelivered(delivery.DeliveryId, platformId);
            metrics?.PostDelivered(sink.Channel, time.GetUtcNow() - delivery.QueuedAt);
            sent++;
        }

        return sent;
    }

    private async Task<int> DeliverWithDigestsAsync(IPostSink sink, bool flush, CancellationToken cancellationToken)
    {
        var pending = store.PendingDeliveries(sink.Channel).ToList();
        var sent = 0;
        while (pending.Count > 0)
        {
            var head = pending[0];
            if (head.Post.Kind != PostKind.Declaration)
            {
                sent += await DeliverEachAsync(sink, [head], cancellationToken);
                pending.RemoveAt(0);
                continue;
            }

            var closes = head.QueuedAt + sink.Digest.Window;
            if (!flush && time.GetUtcNow() < closes)
            {
                break; // The window is still open; everything behind it waits, to keep the order.
            }

            var group = pending.TakeWhile(d => d.Post.Kind == PostKind.Declaration && d.QueuedAt <= closes).ToList();
            if (group.Count == 1)
            {
                sent += await DeliverEachAsync(sink, group, cancellationToken);
            }
            else
            {
                var digest = head with { Post = digests.Compose([.. group.Select(d => d.Post)]) };
                var platformId = await sink.SendAsync(digest, cancellationToken);
                foreach (var delivery in group)
                {
                    store.MarkDelivered(delivery.DeliveryId, platformId);
                    metrics?.PostDelivered(sink.Channel, time.GetUtcNow() - delivery.QueuedAt);
                }

                sent++;
            }

            pending.RemoveRange(0, group.Count);
        }

        return sent;
    }
}
