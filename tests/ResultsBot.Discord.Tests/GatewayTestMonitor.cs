using System.Collections.Concurrent;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>Records what the adapter reports about its connection.</summary>
internal sealed class GatewayTestMonitor : IPlatformMonitor
{
    private readonly ConcurrentQueue<(bool Connected, string Detail)> _changes = new();
    private int _reconnects;

    public IReadOnlyList<(bool Connected, string Detail)> Changes => [.. _changes];

    public int Reconnects => Volatile.Read(ref _reconnects);

    public void ConnectionChanged(string platform, bool connected, string detail)
    {
        Assert.Equal("discord", platform);
        _changes.Enqueue((connected, detail));
    }

    public void Reconnected(string platform) => Interlocked.Increment(ref _reconnects);

    public void RateLimited(string platform)
    {
    }

    public void InvalidRequest(string platform, int status)
    {
    }
}
