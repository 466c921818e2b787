namespace ResultsBot.Platforms;

/// <summary>What a platform adapter reports about itself, for /readyz, /metrics and the logs.</summary>
public interface IPlatformMonitor
{
    /// <summary>The connection's state changed (Gateway or Socket Mode up or down); detail is for people.</summary>
    void ConnectionChanged(string platform, bool connected, string detail);

    void Reconnected(string platform);

    /// <summary>The platform answered 429: counted, so a storm shows on the dashboard.</summary>
    void RateLimited(string platform);

    /// <summary>401, 403 and 429 answers count towards Discord's invalid-request limit.</summary>
    void InvalidRequest(string platform, int status);
}
