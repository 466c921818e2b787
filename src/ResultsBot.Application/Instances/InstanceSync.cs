using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;

namespace ResultsBot.Application.Instances;

/// <summary>
/// Keeps this instance's night current with the others sharing its store: what they accepted goes into the book,
/// what they subscribed into the subscriptions, as soon as they say so, and every few seconds regardless (a
/// notification lost with a dropped connection is caught up then). Each instance then delivers what was queued for the
/// channels whose delivery partitions it holds, whoever queued it (the reader's results, a /share set typed to another
/// instance, an alert), and on taking partitions over, what their channels were owed. On a store no one else shares it
/// does nothing.
/// </summary>
public sealed class InstanceSync(
    IInstanceCoordination coordination,
    ResultsDesk desk,
    ChannelSubscriptions subscriptions,
    PostDispatcher dispatcher,
    TimeProvider time,
    ILogger<InstanceSync> logger,
    AnnouncementPublisher? publisher = null) : BackgroundService
{
    /// <summary>How often the night is read on even when no one said anything changed.</summary>
    public static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!coordination.Shared)
        {
            return;
        }

        var changes = Channel.CreateUnbounded<StoreChange>(new UnboundedChannelOptions { SingleReader = true });
        var coordinating = coordination.RunAsync(change => changes.Writer.TryWrite(change), stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var heard = await NextAsync(changes.Reader, stoppingToken);
                Apply(heard, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await coordinating.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // Everything heard by the time one change arrives (or the safety net's wait ends), taken together: a burst of
    // acceptances is one read of the store, not one each.
    private async Task<HashSet<StoreChange>> NextAsync(ChannelReader<StoreChange> reader, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(SafetyNet, time, wait.Token);
        var readable = reader.WaitToReadAsync(wait.Token).AsTask();
        await Task.WhenAny(delay, readable);
        await wait.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        var heard = new HashSet<StoreChange>();
        while (reader.TryRead(out var change))
        {
            heard.Add(change);
        }

        // Nothing heard: the safety net, which reads everything again.
        return heard.Count > 0 ? heard : [StoreChange.Reconnected];
    }

    private void Apply(HashSet<StoreChange> heard, CancellationToken stoppingToken)
    {
        var everything = heard.Contains(StoreChange.Reconnected);
        try
        {
            if (everything || heard.Contains(StoreChange.Subscriptions))
            {
                subscriptions.ReloadAll();
            }

            if (everything || heard.Contains(StoreChange.Accepted))
            {
                var changed = desk.CatchUp();
                if (changed > 0)
                {
                    logger.LogDebug("Caught up with {Count} messages another instance accepted", changed);
                }
            }

            // Only this instance's channels: what another instance queued, what a changed subscription released, and what
            // partitions taken over were owed (the book is caught up first, so what is sent is drawn from it as it stands).
            dispatcher.Kick(stoppingToken);
            if (heard.Contains(StoreChange.DeliveryTaken))
            {
                // What channels taken over owed their followers; not on the safety net, which would read every
                // announcement channel's publishes every few seconds.
                publisher?.KickAll(stoppingToken);
            }
        }
        catch (Exception ex) when (StoreFaults.IsStoreFailure(ex))
        {
            // The store is out of reach for now: the next change or the safety net tries again.
            logger.LogDebug("Could not catch up with the other instances ({Reason}); trying again shortly", StoreFaults.Describe(ex));
        }
    }
}
