namespace ResultsBot.Discord.Gateway;

/// <summary>
/// Paces this process's identifies as Discord documents: shards fall into max_concurrency buckets (shard id modulo
/// max_concurrency), and each bucket may identify once every five seconds. Going faster gets op 9 (Invalid Session).
/// </summary>
internal sealed class IdentifyPacer(TimeProvider time)
{
    /// <summary>Discord's five seconds, and a little more: Discord counts from when each identify reaches it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5.2);

    private readonly Dictionary<int, long> _lastIdentify = [];
    private int _maxConcurrency = 1;

    /// <summary>session_start_limit.max_concurrency from GET /gateway/bot.</summary>
    public int MaxConcurrency
    {
        get => Volatile.Read(ref _maxConcurrency);
        set => Volatile.Write(ref _maxConcurrency, Math.Max(1, value));
    }

    /// <summary>The identify went out: the bucket's next turn counts from now, not from when this one's connection began.</summary>
    public void Identified(int shard)
    {
        lock (_lastIdentify)
        {
            _lastIdentify[shard % MaxConcurrency] = time.GetTimestamp();
        }
    }

    /// <summary>Waits until <paramref name="shard"/>'s bucket may identify, and takes that turn (before connecting).</summary>
    public async Task WaitTurnAsync(int shard, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lastIdentify)
            {
                var bucket = shard % MaxConcurrency;
                if (!_lastIdentify.TryGetValue(bucket, out var at) || time.GetElapsedTime(at) >= Window)
                {
                    _lastIdentify[bucket] = time.GetTimestamp();
                    return;
                }

                wait = Window - time.GetElapsedTime(at);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
