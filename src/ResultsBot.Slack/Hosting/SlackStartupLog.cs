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
            slack.Mode == SlackMode.SocketMode ? "Socket Mode" : "POST /slack/commands");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
