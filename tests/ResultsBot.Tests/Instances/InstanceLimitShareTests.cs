using ResultsBot.Application.Instances;

namespace ResultsBot.Tests.Instances;

public sealed class InstanceLimitShareTests
{
    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 25)]
    [InlineData(3, 16)]
    [InlineData(7, 7)]
    [InlineData(80, 1)]
    public void ShareOf_DiscordsFiftyAmongLiveInstances_IsTheirEvenPartRoundedDownAndAtLeastOne(int live, int share)
    {
        var limit = new InstanceLimitShare(new SingleInstanceCounting(live));

        Assert.Equal(share, limit.ShareOf(50));
    }

    [Fact]
    public void ShareOf_TheOnlyInstanceOnItsStore_HasTheWholeLimit()
    {
        Assert.Equal(50, new InstanceLimitShare(new SingleInstance()).ShareOf(50));
    }

    /// <summary>The only-instance coordination, but seeing <paramref name="live"/> instances.</summary>
    private sealed class SingleInstanceCounting(int live) : IInstanceCoordination
    {
        private readonly SingleInstance _single = new();

        public bool Shared => true;

        public string Instance => _single.Instance;

        public bool IsFeedReader => true;

        public int LiveInstances => live;

        public bool Delivers(string channel) => true;

        public DeliveryTurn? BeginDelivery(string channel) => _single.BeginDelivery(channel);

        public event EventHandler<StoppedInstance>? InstanceStopped
        {
            add { }
            remove { }
        }

        public string Describe() => _single.Describe();

        public Task<FeedLease> AcquireFeedLeaseAsync(CancellationToken cancellationToken) => _single.AcquireFeedLeaseAsync(cancellationToken);

        public Task RunAsync(Action<StoreChange> changed, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
