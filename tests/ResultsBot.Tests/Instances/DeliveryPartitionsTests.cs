using System.Globalization;
using ResultsBot.Application.Instances;

namespace ResultsBot.Tests.Instances;

public sealed class DeliveryPartitionsTests
{
    [Fact]
    public void Of_SameAddress_SamePartitionInEveryProcess()
    {
        // Pinned: every instance, of every release that shares a night, must place a channel alike. A hash seeded per
        // process (string.GetHashCode) would put a channel in different partitions on different instances, and two
        // instances would both send to it.
        Assert.Equal([10, 23, 4, 17, 30, 11, 24, 5], new[] { "2001", "2002", "2003", "2004", "2005", "2006", "2007", "2008" }.Select(id => DeliveryPartitions.Of("discord:" + id)));
        Assert.Equal(DeliveryPartitions.Of("slack:C0123456789"), DeliveryPartitions.Of(new string("slack:C0123456789".ToCharArray())));
    }

    [Fact]
    public void Of_ManyChannels_SpreadOverEveryPartition()
    {
        var channels = Enumerable.Range(0, 3_200).Select(i => "discord:" + (1_200_000_000_000_000_000L + (i * 7_919L)).ToString(CultureInfo.InvariantCulture));

        var counts = channels.GroupBy(DeliveryPartitions.Of).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(0, DeliveryPartitions.Count), counts.Keys.Order());
        Assert.All(counts.Values, n => Assert.InRange(n, 50, 150)); // about 100 each: no partition a night's hot spot
    }
}
