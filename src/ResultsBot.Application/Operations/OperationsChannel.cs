using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Application.Operations;

/// <summary>
/// Adapters' alerts, queued as every alert is: into the store for the operations channel, delivered by whichever
/// instance reads the feed (told at once here, or by the store's notification on another instance).
/// </summary>
public sealed class OperationsChannel(
    IResultsStore store,
    FeedAlertPolicy policy,
    PostDispatcher dispatcher,
    IHostApplicationLifetime lifetime,
    ILogger<OperationsChannel> logger) : IOperationsChannel
{
    public void Tell(Post alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (policy.Channel is not { } channel)
        {
            return;
        }

        try
        {
            store.Announce(alert, [channel]);
            dispatcher.Kick(lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (StoreFaults.IsTransient(ex))
        {
            logger.LogWarning("Could not queue \"{Alert}\" for {Channel}: {Reason}", alert.Headline, channel, StoreFaults.Describe(ex));
        }
    }
}
