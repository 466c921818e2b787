using ResultsBot.Application.Instances;

namespace ResultsBot.Tests.Instances;

public sealed class InstanceLimitShareTests
{
    [Theory]
    [InlineData(1, 0, 50)]
    [InlineData(2, 1, 25)]
    [InlineData(3, 0, 17)]
    [InlineData(3, 1, 17)]
    [InlineData(3, 2, 16)]
    [InlineData(7, 0, 8)]
    [InlineData(7, 1, 7)]
    [InlineData(80, 79, 1)]
    public void ShareOf_DiscordsFiftyAmongLiveInstances_IsTheirEvenPartWithTheRemainderToTheFirstAndAtLeastOne(int live, int rank, int share)
    {
        var limit = new InstanceLimitShare(new SingleInstanceCounting(live, rank));

        Assert.Equal(share, limit.ShareOf(50));
    }

    [Fact]
    public void ShareOf_EveryInstanceItsPart_TogetherTheWholeLimitAndNeverMore()
    {
        for (var live = 1; live <= 50; live++)
        {
            var total = Enumerable.Range(0, live).Sum(rank => new InstanceLimitShare(new SingleInstanceCounting(live, rank)).ShareOf(50));
            Assert.Equal(50, total);
        }
    }

    [Fact]
    public void ShareOf_AnInstanceThatCannotSayWhereItStands_TakesNoneOfTheRemainder()
    {
        Assert.Equal(16, new InstanceLimitShare(new SingleInstanceCounting(3, -1)).ShareOf(50));
    }

    [Fact]
    public void ShareOf_TheOnlyInstanceOnItsStore_HasTheWholeLimit()
    {
        Assert.Equal(50, new InstanceLimitShare(new SingleInstance()).ShareOf(50));
    }

    /// <summary>The only-instance coordination, but seeing <paramref name="live"/> instances and standing at <paramref name="rank"/>.</summary>
    private sealed class SingleInstanceCounting(int live, int rank = 0) : IInstanceCoordination
    {
        private readonly SingleInstance _single = new();

        public bool Shared => true;

        public string Instance => _single.Instance;

        public bool IsFeedReader => true;

        public int LiveInstances => live;

        public int LiveRank => rank;

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
