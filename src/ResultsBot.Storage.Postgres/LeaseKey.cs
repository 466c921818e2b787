using System.Globalization;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// One lease of a set: shard 1 of 2, delivery partition 5 of 32. The count is part of the key, as shard 1 of 2 and shard
/// 1 of 4 are different shards (different guilds): instances that disagree on the count never share a lock.
/// </summary>
internal readonly record struct LeaseKey(int Index, int Count) : IComparable<LeaseKey>
{
    /// <summary>The second int of the advisory lock's two-int key.</summary>
    public int LockValue => (Count * 65_536) + Index;

    /// <summary>The same, as SQL text.</summary>
    public string Lock => LockValue.ToString(CultureInfo.InvariantCulture);

    public int CompareTo(LeaseKey other) => Index != other.Index ? Index.CompareTo(other.Index) : Count.CompareTo(other.Count);

    /// <summary>"0, 3, 5 of 32", in order; "none" for none.</summary>
    public static string DescribeAll(IEnumerable<LeaseKey> keys)
    {
        var sorted = keys.Order().ToList();
        return sorted.Count == 0
            ? "none"
            : string.Join(", ", sorted.Select(k => k.Index.ToString(CultureInfo.InvariantCulture))) + " of " + sorted.Max(k => k.Count).ToString(CultureInfo.InvariantCulture);
    }
}
