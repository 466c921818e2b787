using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Posts;
using ResultsBot.Application.Instances;
using ResultsBot.Application.Storage;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// The running bot: restore state, then — at once when it is the only instance on its store, else once it holds the
/// feed lease — send anything a crash (or the last reader) left unsent and watch the feed until stopped or the lease is lost.
/// </summary>
public sealed class BotService(
    Warmup warmup,
    TimeProvider time,
    ResultsDesk desk,
    PostDispatcher dispatcher,
    FeedProcessor processor,
    BotRunPlan plan,
    ILogger<BotService> logger,
    IResultsLog store,
    IInstanceCoordination coordination,
    ChannelSubscriptions subscriptions,
    CultureInfo culture,
    AnnouncementPublisher? publisher = null,
    FeedAlertPolicy? operations = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host finishes starting (web server, platforms) while this reads the night back

        // The night first, then the warm-up: commands wait for the night (an empty book's answers would be wrong),
        // and only speed waits for the warm-up.
        var restored = await RestoreAsync(stoppingToken);
        if (restored > 0)
        {
            logger.LogInformation(
                "Restored {Count} accepted messages ({Declared} councils declared) from the database; only what is new will be posted{Hint}",
                restored,
                desk.Book.DeclaredCount,
                plan.IsBundledSample ? " (delete resultsbot.db to replay the sample from the start)" : "");
        }

        try
        {
            await warmup.RunAsync(plan.SampleDirectory, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only speed is at stake: the night goes on with cold code.
            logger.LogWarning(ex, "Warm-up failed; carrying on");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var lease = await AcquireFeedLeaseAsync(stoppingToken);
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);

            // Posts a crash left unsent go out first, each channel at its own pace, while the feed is read.
            dispatcher.Kick(reading.Token);
            // And what announcement channels owed their followers when the bot stopped, on workers of their own.
            publisher?.KickAll(reading.Token);

            logger.LogInformation("Reading {Source}; type /help for commands", plan.Description);
            await processor.RunAsync(plan.PollInterval, plan.FirstPoll, ProcessingMode.Live, reading.Token);
            if (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Lost the feed lease (the connection to the database dropped); standing by until it can be taken again");
            }
        }
    }

    /// <summary>
    /// At once for the only instance on its store. Sharing it, a standby waits for the reader to go, then reads the
    /// night on from the store before reading the feed, so it neither repeats nor misses what the last reader took.
    /// </summary>
    private async Task<FeedLease> AcquireFeedLeaseAsync(CancellationToken stoppingToken)
    {
        if (!coordination.Shared)
        {
            return await coordination.AcquireFeedLeaseAsync(stoppingToken);
        }

        if (!coordination.IsFeedReader)
        {
            logger.LogInformation("Standing by: another instance reads the feed; this one answers commands and takes over if it stops");
        }

        var lease = await coordination.AcquireFeedLeaseAsync(stoppingToken);
        try
        {
            desk.CatchUp();
            subscriptions.ReloadAll();
        }
        catch (Exception ex) when (StoreFaults.IsTransient(ex))
        {
            // The desk reads on by itself if the store refuses a message another instance already took.
            logger.LogWarning("Could not read the night on from the database before reading the feed ({Reason})", StoreFaults.Describe(ex));
        }

        if (lease.WithoutReader is { } gap)
        {
            logger.LogWarning("Took over reading the feed after {Seconds} s without a reader", gap.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
            TellOperations(lease.PreviousReader is { } previous
                ? InstanceAlertText.ReaderStopped(previous.Instance, previous.LastHeard, coordination.Instance, gap, culture)
                : FeedAlertText.TakenOver(coordination.Instance, gap, culture));
        }
        else
        {
            logger.LogInformation("This instance reads the feed (it holds the feed lease)");
        }

        return lease;
    }

    private void TellOperations(Post alert)
    {
        if (operations?.Channel is not { } channel)
        {
            return;
        }

        try
        {
            store.Announce(alert, [channel]);
        }
        catch (Exception ex) when (StoreFaults.IsTransient(ex))
        {
            logger.LogWarning("Could not queue \"{Alert}\" for {Channel}: {Reason}", alert.Headline, channel, StoreFaults.Describe(ex));
        }
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
