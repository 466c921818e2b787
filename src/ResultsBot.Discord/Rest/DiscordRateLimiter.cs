using System.Collections.Concurrent;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Rest;

/// <summary>
/// Schedules requests so Discord never has to say 429: one request at a time per route and major parameter,
/// each waiting for its bucket (learned from X-RateLimit-* headers, shared by routes with the same bucket
/// hash) and for a slot in the global limit. Channels run in parallel; a channel's posts queue in order.
/// The global limit is the bot's, whichever instance sends: this one takes its share of it (asked at each slot, so
/// the share follows instances coming and going), all of it when it runs alone. Where the instances keep the limit's
/// slots in one place (<paramref name="botWide"/>), each request also takes one of those, and the share is the whole.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time, int globalPerSecond = 50, IGlobalLimitShare? share = null, IBotWideSlots? botWide = null)
{
    // Discord counts a request when it arrives, somewhere between our send and its answer: a global slot is
    // taken at the send and freed a second (and a little) after the answer, so no second of arrivals can hold
    // more than the limit however long requests spent in flight (new connections on a burst, a busy machine).
    // The same window as the slots instances share, so the two can never disagree.
    private static readonly TimeSpan GlobalWindow = IBotWideSlots.Window;

    // An interaction's token lives 15 minutes, and its callback and follow-up routes are keyed by it: one gate and
    // bucket per interaction would pile up all night, so those idle longer than a token lives are forgotten.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, RouteGate> _routes = new();
    private readonly ConcurrentDictionary<string, string> _bucketHashes = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new();
    private readonly Lock _globalGate = new();
    private readonly List<GlobalSlot> _globalSlots = [];
    private readonly Queue<TaskCompletionSource<GlobalSlot>> _waiting = new();
    private ITimer? _wake;
    private DateTimeOffset _globalPausedUntil;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public TimeProvider Time => time;

    /// <summary>How many global slots this instance may hold in a window now.</summary>
    private int GlobalLimit => Math.Max(1, (share ?? WholeLimit.Instance).ShareOf(globalPerSecond));

    /// <summary>Waits for this route's turn and its bucket; dispose the lease when the response has been learned from.</summary>
    public async Task<RouteLease> EnterAsync(string route, string major, bool global, CancellationToken cancellationToken)
    {
        ForgetExpiredTokens(time.GetUtcNow());
        var gate = _routes.GetOrAdd(route + "|" + major, _ => new RouteGate());
        await gate.Turn.WaitAsync(cancellationToken);
        try
        {
            gate.LastUsed = time.GetUtcNow();
            var bucket = BucketFor(route, major);
            for (var wait = bucket.TryTake(time.GetUtcNow()); wait > TimeSpan.Zero; wait = bucket.TryTake(time.GetUtcNow()))
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            var slot = global ? await WaitForGlobalSlotAsync(cancellationToken) : null;
            var shared = slot is null ? null : await TakeBotWideSlotAsync(slot, cancellationToken);
            return new RouteLease(this, gate, route, major, slot, shared);
        }
        catch
        {
            gate.Turn.Release();
            throw;
        }
    }

    /// <summary>The bot-wide slot as well, where instances share them; the local slot goes back if the wait is given up.</summary>
    private async Task<IBotWideSlot?> TakeBotWideSlotAsync(GlobalSlot slot, CancellationToken cancellationToken)
    {
        if (botWide is null)
        {
            return null;
        }

        try
        {
            return await botWide.TakeAsync(globalPerSecond, cancellationToken);
        }
        catch
        {
            Release(slot);
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

    /// <summary>How many routes and buckets the limiter holds state for (tests check that expired tokens' go).</summary>
    internal int KnownRoutes => _routes.Count + _buckets.Count;

    /// <summary>At most once per token lifetime: drops the gates and buckets of token-keyed routes idle longer than a token lives.</summary>
    private void ForgetExpiredTokens(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TokenLifetime;
        var cutoff = now - TokenLifetime;
        foreach (var (key, gate) in _routes)
        {
            // Channel and guild majors are plain ids; only webhook and interaction majors carry a token ("id/token").
            if (HasTokenMajor(key) && gate.LastUsed < cutoff && gate.Turn.CurrentCount == 1)
            {
                _routes.TryRemove(key, out _);
            }
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (HasTokenMajor(key) && bucket.IdleSince(cutoff))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private static bool HasTokenMajor(string key) => key.AsSpan(key.LastIndexOf('|') + 1).Contains('/');

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
            var now = time.GetUtcNow();
            slot.FreeAt = now + GlobalWindow;
            ScheduleWake(now);
        }
    }

    // Waiters queue in order and one timer hands each slot on the moment it frees: with a thousand channels
    // waiting, a thundering herd of timers re-checking the slots cost more than the answers themselves.
    private Task<GlobalSlot> WaitForGlobalSlotAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<GlobalSlot> waiter;
        lock (_globalGate)
        {
            var now = time.GetUtcNow();
            if (_waiting.Count == 0 && TryTakeSlot(now) is { } slot)
            {
                return Task.FromResult(slot);
            }

            waiter = new TaskCompletionSource<GlobalSlot>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
            ScheduleWake(now);
        }

        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Task;
    }

    private static async Task<GlobalSlot> WaitAsync(TaskCompletionSource<GlobalSlot> waiter, CancellationToken cancellationToken)
    {
        // A cancelled waiter stays queued but completed; the hand-out skips it without using a slot.
        await using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        return await waiter.Task;
    }

    private void Wake()
    {
        lock (_globalGate)
        {
            var now = time.GetUtcNow();
            while (_waiting.TryPeek(out var next))
            {
                if (next.Task.IsCompleted)
                {
                    _waiting.Dequeue();
                    continue;
                }

                if (TryTakeSlot(now) is not { } slot)
                {
                    break;
                }

                _waiting.Dequeue();
                if (!next.TrySetResult(slot))
                {
                    _globalSlots.Remove(slot);
                }
            }

            ScheduleWake(now);
        }
    }

    /// <summary>Under the gate: a new slot when the limit has room and no global 429 pause is on.</summary>
    private GlobalSlot? TryTakeSlot(DateTimeOffset now)
    {
        _globalSlots.RemoveAll(s => s.FreeAt <= now);
        if (now < _globalPausedUntil || _globalSlots.Count >= GlobalLimit)
        {
            return null;
        }

        var slot = new GlobalSlot();
        _globalSlots.Add(slot);
        return slot;
    }

    /// <summary>Under the gate: sets the timer for when a waiter could next get a slot (none while all are in flight: a release sets it).</summary>
    private void ScheduleWake(DateTimeOffset now)
    {
        if (_waiting.Count == 0)
        {
            return;
        }

        var limit = GlobalLimit; // asked once: the share can change between two asks
        var at = now < _globalPausedUntil ? _globalPausedUntil
            : _globalSlots.Count < limit ? now
            // The share may have shrunk below the slots held: the earliest time enough of them are free.
            : _globalSlots.Select(s => s.FreeAt).Order().ElementAt(_globalSlots.Count - limit);
        if (at == DateTimeOffset.MaxValue)
        {
            return;
        }

        _wake ??= time.CreateTimer(_ => Wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var due = at - now;
        _wake.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>One request's place in the global limit: taken until a window after its answer.</summary>
    internal sealed class GlobalSlot
    {
        public DateTimeOffset FreeAt { get; set; } = DateTimeOffset.MaxValue;
    }

    internal sealed class RouteGate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>When a request last took its turn (set under the turn).</summary>
        public DateTimeOffset LastUsed { get; set; }
    }
}
