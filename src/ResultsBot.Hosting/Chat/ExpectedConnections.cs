using Microsoft.Extensions.Hosting;
using ResultsBot.Platforms;

namespace ResultsBot.Chat;

/// <summary>
/// Marks the platforms that keep a connection (Discord's Gateway, Slack's Socket Mode) as not yet
/// connected at start, so /readyz says "not ready" until each has said hello, not "ok" by default.
/// </summary>
public sealed class ExpectedConnections(IPlatformMonitor monitor, IReadOnlyList<string> platforms) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var platform in platforms)
        {
            monitor.ConnectionChanged(platform, false, "connecting");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
