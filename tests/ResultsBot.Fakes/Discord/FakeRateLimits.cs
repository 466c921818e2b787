namespace ResultsBot.Fakes.Discord;

/// <summary>
/// Discord's two rate limits as the docs describe them: a fixed window per bucket and top-level resource
/// (the window starts at the first request and resets after it), and a global per-bot sliding second.
/// </summary>
internal sealed class FakeRateLimits(FakeDiscordRestOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = [];
    private readonly Queue<DateTimeOffset> _recent = new();

    /// <summary>Takes a global slot; when none is free, how long until one is.</summary>
    public TimeSpan? TakeGlobal(DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_recent.Count > 0 && _recent.Peek() <= now - options.GlobalWindow)
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= options.GlobalLimit)
            {
                return _recent.Peek() + options.GlobalWindow - now;
            }

            _recent.Enqueue(now);
            return null;
        }
    }

    /// <summary>Takes one request from the bucket; the state to report in X-RateLimit-* headers either way.</summary>
    public BucketState Take(string bucket, string major, int limit, TimeSpan window, DateTimeOffset now)
    {
        lock (_gate)
        {
            var key = bucket + ":" + major;
            if (!_windows.TryGetValue(key, out var state) || now >= state.ResetAt)
            {
                state = new Window { ResetAt = now + window };
                _windows[key] = state;
            }

            if (state.Used >= limit)
            {
                return new BucketState(bucket, limit, 0, state.ResetAt, state.ResetAt - now, Allowed: false);
            }

            state.Used++;
            return new BucketState(bucket, limit, limit - state.Used, state.ResetAt, state.ResetAt - now, Allowed: true);
        }
    }

    /// <summary>Uses up what is left of the bucket's window (starting one now if none is open), as other clients' requests would.</summary>
    public void Exhaust(string bucket, string major, int limit, TimeSpan window, DateTimeOffset now)
    {
        lock (_gate)
        {
            var key = bucket + ":" + major;
            if (!_windows.TryGetValue(key, out var state) || now >= state.ResetAt)
            {
                state = new Window { ResetAt = now + window };
                _windows[key] = state;
            }

            state.Used = Math.Max(state.Used, limit);
        }
    }

    /// <summary>True when the bucket's window is open and has nothing left (without taking anything).</summary>
    public bool IsExhausted(string bucket, string major, int limit, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _windows.TryGetValue(bucket + ":" + major, out var state) && now < state.ResetAt && state.Used >= limit;
        }
    }

    private sealed class Window
    {
        public int Used { get; set; }

        public DateTimeOffset ResetAt { get; init; }
    }
}

internal sealed record BucketState(string Bucket, int Limit, int Remaining, DateTimeOffset ResetAt, TimeSpan ResetAfter, bool Allowed);
