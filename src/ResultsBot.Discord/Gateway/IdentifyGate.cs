using ResultsBot.Platforms;

namespace ResultsBot.Discord.Gateway;

/// <summary>
/// What a shard asks before it identifies: its bucket (shard id modulo max_concurrency, the latter from
/// GET /gateway/bot) and that bucket's turn from <see cref="IIdentifyTurns"/>, shared by this process's shards.
/// </summary>
internal sealed class IdentifyGate(IIdentifyTurns turns)
{
    private int _maxConcurrency = 1;

    /// <summary>session_start_limit.max_concurrency from GET /gateway/bot.</summary>
    public int MaxConcurrency
    {
        get => Volatile.Read(ref _maxConcurrency);
        set => Volatile.Write(ref _maxConcurrency, Math.Max(1, value));
    }

    /// <summary>Waits for <paramref name="shard"/>'s bucket's turn; the turn is given back with <see cref="Identified"/>.</summary>
    public async Task<Turn> WaitTurnAsync(int shard, CancellationToken cancellationToken)
    {
        var maxConcurrency = MaxConcurrency;
        var bucket = shard % maxConcurrency;
        await turns.WaitTurnAsync(bucket, maxConcurrency, cancellationToken);
        return new Turn(bucket, maxConcurrency);
    }

    /// <summary>The identify went out (or the connection ended with the turn taken): the bucket's window starts now.</summary>
    public void Identified(Turn turn) => turns.Identified(turn.Bucket, turn.MaxConcurrency);

    /// <summary>A bucket's turn, as taken (max_concurrency may be read afresh meanwhile).</summary>
    internal readonly record struct Turn(int Bucket, int MaxConcurrency);
}
