using System.Text;

namespace ResultsBot.Application.Instances;

/// <summary>
/// Which delivery partition a channel belongs to, when instances sharing a store share delivery out: each partition is
/// leased by one instance at a time, and that instance alone sends to the partition's channels, so each channel has one
/// sender and its posts keep their order. Every instance must place a channel alike, today and after a restart, so the
/// hash is FNV-1a over the address's UTF-8 bytes, not <see cref="string.GetHashCode()"/> (seeded afresh in each process).
/// </summary>
public static class DeliveryPartitions
{
    /// <summary>
    /// Fixed: changing it moves channels between partitions, so every instance of a night must agree on it. 32 spreads
    /// channels evenly over the few instances a night runs, and is few enough locks to try each second.
    /// </summary>
    public const int Count = 32;

    /// <summary>The partition of a channel address ("discord:123"), 0 to <see cref="Count"/> - 1.</summary>
    public static int Of(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        const uint offsetBasis = 2_166_136_261;
        const uint prime = 16_777_619;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(channel))
        {
            hash = unchecked((hash ^ b) * prime);
        }

        return (int)(hash % Count);
    }
}
