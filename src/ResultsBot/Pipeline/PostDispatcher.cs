using ResultsBot.Storage;

namespace ResultsBot.Pipeline;

/// <summary>Sends every queued post to its channel, oldest first, and records each as delivered only once it went out.</summary>
public sealed class PostDispatcher(SqliteResultsStore store, IEnumerable<IPostSink> sinks)
{
    private readonly IReadOnlyList<IPostSink> _sinks = [.. sinks];

    public IReadOnlyList<string> Channels => [.. _sinks.Select(s => s.Channel)];

    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var sink in _sinks)
        {
            foreach (var delivery in store.PendingDeliveries(sink.Channel))
            {
                var platformId = await sink.SendAsync(delivery, cancellationToken);
                store.MarkDelivered(delivery.DeliveryId, platformId);
                sent++;
            }
        }

        return sent;
    }
}
