using ResultsBot.Application.Instances;

namespace ResultsBot.Tests.Support;

/// <summary>
/// An instance sharing its store that delivers only some channels, as when it holds only some delivery partitions; a
/// channel's turn can be ended as a hand-on ends it. The leases themselves are tested against PostgreSQL.
/// </summary>
internal sealed class SomeChannelsHere(params string[] channels) : IInstanceCoordination, IDisposable
{
    private readonly HashSet<string> _here = new(channels, StringComparer.Ordinal);
    private readonly CancellationTokenSource _ending = new();

    public bool Shared => true;

    public string Instance => "test:1";

    public bool IsFeedReader => true;

    public int LiveInstances => 1;

    // No one else to hear: never raised.
    public event EventHandler<StoppedInstance>? InstanceStopped
    {
        add { }
        remove { }
    }

    /// <summary>How many turns were begun.</summary>
    public int Turns { get; private set; }

    public bool Delivers(string channel)
    {
        lock (_here)
        {
            return _here.Contains(channel);
        }
    }

    public DeliveryTurn? BeginDelivery(string channel)
    {
        if (!Delivers(channel))
        {
            return null;
        }

        Turns++;
        return new DeliveryTurn(null, _ending.Token);
    }

    /// <summary>Hands every channel on: open turns are told to end, and no new one begins.</summary>
    public void HandOnAll()
    {
        lock (_here)
        {
            _here.Clear();
        }

        _ending.Cancel();
    }

    public string Describe() => "feed reader: test:1";

    public Task<FeedLease> AcquireFeedLeaseAsync(CancellationToken cancellationToken) => Task.FromResult(new FeedLease(null, CancellationToken.None));

    public Task RunAsync(Action<StoreChange> changed, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _ending.Dispose();
}
