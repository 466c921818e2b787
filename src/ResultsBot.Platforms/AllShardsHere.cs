namespace ResultsBot.Platforms;

/// <summary>The only instance on its store: it runs every shard, and never loses one.</summary>
public sealed class AllShardsHere : IShardLeases
{
    public Task<CancellationToken> AcquireShardAsync(int shard, int count, CancellationToken cancellationToken) => Task.FromResult(CancellationToken.None);

    public void ReleaseShard(int shard, int count)
    {
    }
}
