namespace ResultsBot.Discord.Gateway;

/// <summary>One Gateway shard: Discord sends it the events of the guilds whose id maps to <see cref="Id"/>, and DMs to shard 0.</summary>
internal readonly record struct GatewayShard(int Id, int Count)
{
    /// <summary>IDENTIFY's shard field, [shard_id, num_shards].</summary>
    public int[] ToIdentify() => [Id, Count];

    public override string ToString() => $"shard {Id} of {Count}";
}
