using System.Globalization;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// The advisory lock of one Discord identify bucket: bucket 1 of max_concurrency 2. The max_concurrency is part of the
/// key, as the lease keys carry their count: instances that read different values never share a lock, each then
/// pacing as it understands Discord's buckets. A key space of its own, apart from the shard and delivery leases.
/// </summary>
internal readonly record struct IdentifyBucketKey(int Bucket, int MaxConcurrency)
{
    /// <summary>The first int of the two-int key: "RBID", Discord identify buckets.</summary>
    public const int Kind = 0x5242_4944;

    /// <summary>The second int of the two-int key.</summary>
    public string Lock => ((MaxConcurrency * 65_536) + Bucket).ToString(CultureInfo.InvariantCulture);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"identify bucket {Bucket} of {MaxConcurrency}");
}
