namespace ResultsBot.Fakes.Slack;

/// <summary>A token bucket: Slack's "about one message per second per channel, short bursts allowed".</summary>
internal sealed class FakeSlackPace(int burst, TimeSpan refill)
{
    private double _tokens = burst;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <summary>Takes a token, or says how long until one is free (caller holds the fake's lock).</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan wait)
    {
        if (_last != DateTimeOffset.MinValue)
        {
            _tokens = Math.Min(burst, _tokens + ((now - _last) / refill));
        }

        _last = now;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            wait = TimeSpan.Zero;
            return true;
        }

        wait = (1 - _tokens) * refill;
        return false;
    }
}
