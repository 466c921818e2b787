namespace ResultsBot.Application.Instances;

/// <summary>
/// The only instance on its store (SQLite, memory): always the feed reader and every channel's deliverer, never told of
/// anyone else.
/// </summary>
public sealed class SingleInstance : IInstanceCoordination
{
    private static readonly Task<FeedLease> Held = Task.FromResult(new FeedLease(null, CancellationToken.None));

    public bool Shared => false;

    public string Instance => "this instance";

    public bool IsFeedReader => true;

    public bool Delivers(string channel) => true;

    public DeliveryTurn? BeginDelivery(string channel) => DeliveryTurn.Always;

    public int LiveInstances => 1;

    // No one else to hear: never raised.
    public event EventHandler<StoppedInstance>? InstanceStopped
    {
        add { }
        remove { }
    }

    public string Describe() => "feed reader: the only instance on this store";

    public Task<FeedLease> AcquireFeedLeaseAsync(CancellationToken cancellationToken) => Held;

    public Task RunAsync(Action<StoreChange> changed, CancellationToken cancellationToken) => Task.CompletedTask;
}
