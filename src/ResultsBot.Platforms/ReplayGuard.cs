namespace ResultsBot.Platforms;

/// <summary>
/// Remembers the signed requests seen while their signatures are still accepted, so a valid request
/// captured and sent again inside that window runs only once. Memory is bounded: entries leave once
/// the window has passed, and beyond <paramref name="capacity"/> the oldest go first.
/// </summary>
/// <param name="window">How long a signature stays valid: both platforms accept a timestamp up to five minutes either side of our clock, so ten.</param>
public sealed class ReplayGuard(TimeSpan window, TimeProvider time, int capacity = 50_000)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time <paramref name="key"/> (a signature, an interaction id) is seen within the window.</summary>
    public bool FirstTime(string key)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_order.TryPeek(out var oldest) && (now - oldest.At > window || _order.Count >= capacity))
            {
                _order.Dequeue();
                _seen.Remove(oldest.Key);
            }

            if (!_seen.TryAdd(key, now))
            {
                return false;
            }

            _order.Enqueue((key, now));
            return true;
        }
    }
}
