using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Instances;
using ResultsBot.Application.Operations;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;


namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Before a run sends anything to a platform, checks that the database matches what the channels show: a
/// few channels with posts waiting are read back, and if posts the database holds as never sent are already
/// there, the database was lost, rolled back or replaced, and sending would post the night again. Then the
/// bot stops, unless Store:AllowRepost says to post them anyway. Every channel of the platform waits for
/// this one check, so none can start re-posting while it runs. Of several instances sharing the store, each checks only
/// the channels it delivers: another instance may post to its own channels between the reading of what is waiting and
/// the reading of the channel, which is no lost database.
/// </summary>
public sealed class HistoryGuard(
    IResultsStore store,
    bool allowRepost,
    FatalStop fatal,
    IHostApplicationLifetime lifetime,
    ILogger<HistoryGuard> logger,
    IInstanceCoordination? coordination = null)
{
    /// <summary>A lost database shows in any channel with posts waiting: a few are enough, and keep the start quick.</summary>
    public const int ChannelsChecked = 10;

    private const int PostsChecked = 100;

    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _checks = new(StringComparer.Ordinal);

    /// <summary>False when the bot is stopping because the database does not match the platform's channels.</summary>
    public async Task<bool> MaySendAsync(IPlatformOutlet outlet, CancellationToken cancellationToken)
    {
        if (outlet is not IChannelHistory history)
        {
            return true;
        }

        var check = _checks.GetOrAdd(outlet.Platform, platform => new Lazy<Task<bool>>(() => CheckAsync(platform, history, cancellationToken)));
        try
        {
            return await check.Value;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The store failed during the check (say, locked): the channel retries later, and the check with it.
            _checks.TryRemove(new KeyValuePair<string, Lazy<Task<bool>>>(outlet.Platform, check));
            throw;
        }
    }

    private async Task<bool> CheckAsync(string platform, IChannelHistory history, CancellationToken cancellationToken)
    {
        var channels = store.ChannelsWithPending()
            .Where(c => ChannelAddress.TryParse(c, out var a) && a.Platform == platform && (coordination?.Delivers(c) ?? true))
            .Take(ChannelsChecked)
            .ToList();
        var found = await Task.WhenAll(channels.Select(c => AlreadyThereAsync(c, history, cancellationToken)));
        if (found.FirstOrDefault(f => f.Count > 0) is not { Count: > 0 } mismatch)
        {
            return true;
        }

        var problem = $"the database does not match {mismatch.Channel}: {mismatch.Count} {(mismatch.Count == 1 ? "post" : "posts")} it holds as never sent {(mismatch.Count == 1 ? "is" : "are")} there already (\"{mismatch.Headline}\"), so the database was lost, rolled back or replaced";
        if (allowRepost)
        {
            logger.LogWarning("{Problem}; posting them again, as Store:AllowRepost says", problem);
            return true;
        }

        fatal.Record($"stopped before posting anything: {problem}. Restore the database, or start with --Store:AllowRepost=true to post the night again");
        logger.LogCritical("Stopping: {Problem}", problem);
        lifetime.StopApplication();
        return false;
    }

    private async Task<(string Channel, int Count, string? Headline)> AlreadyThereAsync(string channel, IChannelHistory history, CancellationToken cancellationToken)
    {
        var address = ChannelAddress.Parse(channel);
        var pending = store.PendingDeliveries(channel)
            .Where(d => !d.Attempted) // an attempted post may be there after an ordinary crash: the outlet looks for it
            .Take(PostsChecked)
            .ToList();
        try
        {
            var there = await history.AlreadyThereAsync(address.Id, [.. pending.Select(d => new OutgoingPost(d.DeliveryId, address.Id, d.Post))], cancellationToken);
            return (channel, there.Count, pending.FirstOrDefault(d => there.Contains(d.DeliveryId))?.Post.Headline);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unreadable channel is no evidence either way: the night goes on.
            logger.LogWarning("Could not read {Channel} back to check it against the database: {Reason}", channel, ex.Message);
            return (channel, 0, null);
        }
    }
}
