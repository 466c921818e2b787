using System.Globalization;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// Shard leases: one per (shard, count) in a lease set of their own on the coordination connection, so a killed
/// instance's shards are freed with its session and taken by another within a beat or two, and an instance that starts
/// late gets its share (<see cref="AdvisoryLeaseSet"/>). The Gateway asks for each shard and gives it up itself.
/// </summary>
public sealed partial class PostgresInstanceCoordination
{
    private const int ShardLeaseKind = 0x5242_5344; // "RBSD": Discord Gateway shards

    private readonly AdvisoryLeaseSet _shards;

    public Task<CancellationToken> AcquireShardAsync(int shard, int count, CancellationToken cancellationToken) =>
        _shards.AcquireAsync(new LeaseKey(shard, count), cancellationToken);

    public void ReleaseShard(int shard, int count) => _shards.Release(new LeaseKey(shard, count));

    private string DescribeShards()
    {
        if (_shards.KeyCount is not { } count)
        {
            return "";
        }

        var held = _shards.Held;
        var total = count.ToString(CultureInfo.InvariantCulture);
        return held.Count == 0
            ? $"; runs no Discord shard of {total}"
            : $"; runs Discord shard{(held.Count == 1 ? "" : "s")} {LeaseKey.DescribeAll(held)}";
    }
}
