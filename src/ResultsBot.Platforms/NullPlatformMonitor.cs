namespace ResultsBot.Platforms;

/// <summary>For tests and tools that do not watch the platforms.</summary>
public sealed class NullPlatformMonitor : IPlatformMonitor
{
    public static NullPlatformMonitor Instance { get; } = new();

    public void ConnectionChanged(string platform, bool connected, string detail)
    {
    }

    public void Reconnected(string platform)
    {
    }

    public void RateLimited(string platform)
    {
    }

    public void InvalidRequest(string platform, int status)
    {
    }
}
