using ResultsBot.Platforms;

namespace ResultsBot.Application.Storage;

/// <summary>
/// Everything the bot keeps, as one store: the results log, the outbox, the subscriptions, the workspace installs and the probe. A store
/// (SQLite, in memory) implements all of them over one database, so that accepting a message queues its posts in
/// the same unit of work. Faults: <see cref="StoreUnavailableException"/> to retry, <see cref="StoreDamagedException"/> to stop.
/// </summary>
public interface IResultsStore : IResultsLog, IDeliveryQueue, ISubscriptionStore, IWorkspaceInstalls, IStoreProbe, IPublishLog, IForumThreadStore, IDisposable
{
    /// <summary>How many posts were ever queued (tests and the crash harness count them).</summary>
    int CountPosts();
}
