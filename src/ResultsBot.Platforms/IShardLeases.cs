namespace ResultsBot.Platforms;

/// <summary>
/// Which connection shards (Discord Gateway shards) this instance runs, when several instances share one night: each
/// shard is run by exactly one instance at a time. A store only one instance uses has <see cref="AllShardsHere"/>.
/// </summary>
public interface IShardLeases
{
    /// <summary>
    /// Completes once this instance holds shard <paramref name="shard"/> of <paramref name="count"/>; the token it gives
    /// is cancelled when the lease is lost (the instance's connection to the store dropped, or it handed the shard on).
    /// </summary>
    Task<CancellationToken> AcquireShardAsync(int shard, int count, CancellationToken cancellationToken);

    /// <summary>Gives the shard up (the shard count changed, or the connection stopped for good).</summary>
    void ReleaseShard(int shard, int count);
}
