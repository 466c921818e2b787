namespace ResultsBot.Application.Instances;

/// <summary>
/// How this instance shares the night with others on the same store: which one reads the feed, which channels each
/// delivers, and what the others accepted or changed. A store only one instance uses (SQLite, memory) has <see cref="SingleInstance"/>:
/// the instance is always the reader and hears of no one else.
/// </summary>
public interface IInstanceCoordination
{
    /// <summary>False when no other instance can share the store: nothing to wait for, nothing to hear.</summary>
    bool Shared { get; }

    /// <summary>This instance's name among the others (host and process id), in logs, alerts and /readyz.</summary>
    string Instance { get; }

    /// <summary>True while this instance holds the feed lease: it alone reads the feed.</summary>
    bool IsFeedReader { get; }

    /// <summary>
    /// True while this instance delivers the channel's posts: it holds the lease on the channel's
    /// <see cref="DeliveryPartitions">delivery partition</see>. The only instance on its store delivers every channel.
    /// </summary>
    bool Delivers(string channel);

    /// <summary>
    /// A turn delivering to the channel, or null when another instance delivers it. While the turn is open the partition
    /// stays this instance's; dispose it when the pass ends.
    /// </summary>
    DeliveryTurn? BeginDelivery(string channel);

    /// <summary>
    /// How many instances are running on the store now, this one included: those heard saying they are alive within
    /// the last few seconds (<see cref="InstanceMembers.GoneAfter"/>). 1 for the only instance on its store.
    /// </summary>
    int LiveInstances { get; }

    /// <summary>
    /// This instance's place among the <see cref="LiveInstances"/> in an order every instance agrees on (0 first: those
    /// delivering the most channels first), or
    /// -1 when it cannot say (some counted are not heard by name): the first few take one more of a limit's remainder.
    /// </summary>
    int LiveRank => 0;

    /// <summary>
    /// Raised once when another instance stops being heard (it died, or lost its connection to the store), on the
    /// coordination loop: a handler must return at once. Never raised for the previous feed reader when this instance
    /// takes the feed over from it: <see cref="FeedLease.PreviousReader"/> tells that.
    /// </summary>
    event EventHandler<StoppedInstance>? InstanceStopped;

    /// <summary>This instance's role and what it holds, in words, for /readyz ("feed reader: …" or "standby: …").</summary>
    string Describe();

    /// <summary>Completes once this instance holds the feed lease; what it gives says when the lease is lost.</summary>
    Task<FeedLease> AcquireFeedLeaseAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the lease (or tries for it) and listens to the other instances until stopped, telling
    /// <paramref name="changed"/> of each change; it must return at once (the listener waits for it).
    /// </summary>
    Task RunAsync(Action<StoreChange> changed, CancellationToken cancellationToken);
}
