namespace ResultsBot.Discord.Rest;

/// <summary>What Discord last said about one bucket for one major parameter: how many are left until when.</summary>
internal sealed class RateLimitBucket
{
    private readonly Lock _gate = new();
    private int _remaining = 1;
    private DateTimeOffset _resetAt;
    private DateTimeOffset _lastAsked;

    /// <summary>How long to wait before a request may go, taking it from the bucket if it may go now.</summary>
    public TimeSpan TryTake(DateTimeOffset now)
    {
        lock (_gate)
        {
            _lastAsked = now;
            if (now >= _resetAt && _remaining <= 0)
            {
                // The window has reset; until Discord says otherwise, let one through to learn the new state.
                _remaining = 1;
            }

            if (_remaining > 0)
            {
                _remaining--;
                return TimeSpan.Zero;
            }

            return _resetAt - now;
        }
    }

    /// <summary>True when no request has asked for this bucket since <paramref name="cutoff"/> and it holds none back past then.</summary>
    public bool IdleSince(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            return _lastAsked < cutoff && _resetAt < cutoff;
        }
    }

    /// <summary>Takes Discord's word from the response headers.</summary>
    public void Learn(int remaining, DateTimeOffset resetAt)
    {
        lock (_gate)
        {
            _remaining = remaining;
            _resetAt = resetAt;
        }
    }

    /// <summary>A 429 on this bucket: nothing more until the given time.</summary>
    public void Exhaust(DateTimeOffset until)
    {
        lock (_gate)
        {
            _remaining = 0;
            _resetAt = until > _resetAt ? until : _resetAt;
        }
    }
}
