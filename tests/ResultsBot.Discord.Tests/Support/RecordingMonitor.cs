using System.Collections.Concurrent;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests.Support;

/// <summary>Counts what the adapter reports, so tests can see 429s and invalid requests were noticed.</summary>
public sealed class RecordingMonitor : IPlatformMonitor
{
    private int _rateLimited;

    public int RateLimitedCount => Volatile.Read(ref _rateLimited);

    public ConcurrentQueue<int> InvalidStatuses { get; } = new();

    public void ConnectionChanged(string platform, bool connected, string detail)
    {
    }

    public void Reconnected(string platform)
    {
    }

    public void RateLimited(string platform) => Interlocked.Increment(ref _rateLimited);

    public void InvalidRequest(string platform, int status) => InvalidStatuses.Enqueue(status);
}
