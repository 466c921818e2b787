using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ResultsBot.Slack.AppHome;

/// <summary>Checks the Home tab for change every Slack:HomeRefresh and brings its viewers up to date (see <see cref="SlackAppHome"/>).</summary>
internal sealed class AppHomeRefresher(SlackAppHome home, SlackOptions options, TimeProvider time, ILogger<AppHomeRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HomeRefresh, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await home.RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One bad refresh must not end the tab's updates for the night.
                    logger.LogWarning(e, "Refreshing the Slack Home tab failed; trying again at the next check");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
