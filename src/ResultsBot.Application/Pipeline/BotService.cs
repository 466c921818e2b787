using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Posts;
using ResultsBot.Application.Storage;

namespace ResultsBot.Application.Pipeline;

/// <summary>The running bot: restore state, send anything a crash left unsent, then watch the feed until stopped.</summary>
public sealed class BotService(
    Warmup warmup,
    TimeProvider time,
    ResultsDesk desk,
    PostDispatcher dispatcher,
    FeedProcessor processor,
    BotRunPlan plan,
    ILogger<BotService> logger,
    AnnouncementPublisher? publisher = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host finishes starting (web server, platforms) while this warms up
        try
        {
            await warmup.RunAsync(plan.SampleDirectory, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only speed is at stake: the night goes on with cold code.
            logger.LogWarning(ex, "Warm-up failed; carrying on");
        }

        var restored = await RestoreAsync(stoppingToken);
        if (restored > 0)
        {
            logger.LogInformation(
                "Restored {Count} accepted messages ({Declared} councils declared) from the database; only what is new will be posted{Hint}",
                restored,
                desk.Book.DeclaredCount,
                plan.IsBundledSample ? " (delete resultsbot.db to replay the sample from the start)" : "");
        }

        // Posts a crash left unsent go out first, each channel at its own pace, while the feed is read.
        dispatcher.Kick(stoppingToken);
        // And what announcement channels owed their followers when the bot stopped, on workers of their own.
        publisher?.KickAll(stoppingToken);

        logger.LogInformation("Reading {Source}; type /help for commands", plan.Description);
        await processor.RunAsync(plan.PollInterval, plan.FirstPoll, ProcessingMode.Live, stoppingToken);
    }

    /// <summary>
    /// The night read back from the store. A busy or locked database (another program holding it) is waited
    /// out, not fatal; a damaged one throws, and stops the bot with a clear error.
    /// </summary>
    private async Task<int> RestoreAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return desk.Restore();
            }
            catch (Exception ex) when (StoreFaults.IsTransient(ex))
            {
                var pause = TimeSpan.FromSeconds(Math.Min(30, 2 * attempt));
                if (attempt == 1)
                {
                    logger.LogWarning("Could not read the night back from the database ({Reason}); trying again until it can", StoreFaults.Describe(ex));
                }

                await Task.Delay(pause, time, stoppingToken);
            }
        }
    }
}
