using System.Collections.Concurrent;

namespace ResultsBot.Discord.Rest;

/// <summary>
/// Schedules requests so Discord never has to say 429: one request at a time per route and major parameter,
/// each waiting for its bucket (learned from X-RateLimit-* headers, shared by routes with the same bucket
/// hash) and for a slot in the global limit. Channels run in parallel; a channel's posts queue in order.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time, int globalPerSecond = 50)
{
    // Discord counts a request when it arrives, somewhere between our send and its answer: a global slot is
    // taken at the send and freed a second (and a little) after the answer, so no second of arrivals can hold
    // more than the limit however long requests spent in flight (new connections on a burst, a busy machine).
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromMilliseconds(1005);

    // While every slot is in flight, how often to look again (an answer frees one).
    private static readonly TimeSpan InFlightRecheck = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentDictionary<string, RouteGate> _routes = new();
    private readonly ConcurrentDictionary<string, string> _bucketHashes = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new();
    private readonly Lock _globalGate = new();
    private readonly List<GlobalSlot> _globalSlots = [];
    private DateTimeOffset _globalPausedUntil;

    public TimeProvider Time => time;

    /// <summary>Waits for this route's turn and its bucket; dispose the lease when the response has been learned from.</summary>
    public async Task<RouteLease> EnterAsync(string route, string major, bool global, CancellationToken cancellationToken)
    {
        var gate = _routes.GetOrAdd(route + "|" + major, _ => new RouteGate());
        await gate.Turn.WaitAsync(cancellationToken);
        try
        {
            var bucket = BucketFor(route, major);
            for (var wait = bucket.TryTake(time.GetUtcNow()); wait > TimeSpan.Zero; wait = bucket.TryTake(time.GetUtcNow()))
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            var slot = global ? await WaitForGlobalSlotAsync(cancellationToken) : null;
            return new RouteLease(this, gate, route, major, slot);
        }
        catch
        {
            gate.Turn.Release();
            throw;
        }
    }

    /// <summary>Records the bucket Discord named for a route and its state after this response.</summary>
    internal void Learn(string route, string major, string? bucketHash, int? remaining, TimeSpan? resetAfter)
    {
        if (bucketHash is not null)
        {
            _bucketHashes[route] = bucketHash;
        }

        if (remaining is { } left && resetAfter is { } after)
        {
            BucketFor(route, major).Learn(left, time.GetUtcNow() + after);
        }
    }

    /// <summary>A 429: the bucket (or, when global, every request) waits this long.</summary>
    internal void Block(string route, string major, TimeSpan retryAfter, bool global)
    {
        var until = time.GetUtcNow() + retryAfter;
        if (global)
        {
            lock (_globalGate)
            {
                _globalPausedUntil = until > _globalPausedUntil ? until : _globalPausedUntil;
            }
        }
        else
        {
            BucketFor(route, major).Exhaust(until);
        }
    }

    private RateLimitBucket BucketFor(string route, string major)
    {
        var key = (_bucketHashes.TryGetValue(route, out var hash) ? "bucket:" + hash : "route:" + route) + "|" + major;
        return _buckets.GetOrAdd(key, _ => new RateLimitBucket());
    }

    /// <summary>The request that held this slot has its answer (or failed): the slot frees a window from now.</summary>
    internal void Release(GlobalSlot slot)
    {
        lock (_globalGate)
        {
            slot.FreeAt = time.GetUtcNow() + GlobalWindow;
        }
    }

    private async Task<GlobalSlot> WaitForGlobalSlotAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_globalGate)
            {
                var now = time.GetUtcNow();
                _globalSlots.RemoveAll(s => s.FreeAt <= now);
                if (now < _globalPausedUntil)
                {
                    wait = _globalPausedUntil - now;
                }
                else if (_globalSlots.Count < globalPerSecond)
                {
                    var slot = new GlobalSlot();
                    _globalSlots.Add(slot);
                    return slot;
                }
                else
                {
                    var soonest = _globalSlots.Min(s => s.FreeAt);
                    wait = soonest == DateTimeOffset.MaxValue ? InFlightRecheck : soonest - now;
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>One request's place in the global limit: taken until a window after its answer.</summary>
    internal sealed class GlobalSlot
    {
        public DateTimeOffset FreeAt { get; set; } = DateTimeOffset.MaxValue;
    }

    internal sealed class RouteGate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);
    }
}
