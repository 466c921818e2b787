using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ResultsBot.Slack.Hosting;

/// <summary>Says at start where the bot posts on Slack and how /results reaches it.</summary>
internal sealed class SlackStartupLog(SlackOptions slack, ILogger<SlackStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Slack: posting to {Count} configured channels; /results by {Mode}",
            slack.Channels.Count,
            slack.Mode == SlackMode.SocketMode ? "Socket Mode" : slack.OAuth is null ? "POST /slack/commands" : "POST /slack/commands; installs into workspaces at GET /slack/install, their events at POST /slack/events");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
