using ResultsBot.Platforms;

namespace ResultsBot.Discord.Rest;

/// <summary>A route's turn: held while its request is in flight, so the next one sees what this one learned.</summary>
internal sealed class RouteLease(DiscordRateLimiter limiter, DiscordRateLimiter.RouteGate gate, string route, string major, DiscordRateLimiter.GlobalSlot? slot, IBotWideSlot? botWideSlot) : IDisposable
{
    private int _disposed;

    public void Learn(string? bucketHash, int? remaining, TimeSpan? resetAfter) => limiter.Learn(route, major, bucketHash, remaining, resetAfter);

    public void Block(TimeSpan retryAfter, bool global) => limiter.Block(route, major, retryAfter, global);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            botWideSlot?.Release();
            if (slot is not null)
            {
                limiter.Release(slot);
            }

            gate.Turn.Release();
        }
    }
}
