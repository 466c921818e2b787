using ResultsBot.Application.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Cli;
using ResultsBot.Feeds.Sources;
using ResultsBot.Application.Pipeline;
using ResultsBot.Settings;
using ResultsBot.Application.Storage;
using ResultsBot.Terminal;

namespace ResultsBot.Verbs;

/// <summary>The bot itself: watch the feed and post until a signal stops it.</summary>
internal static class RunVerb
{
    public static BotRunPlan Plan(BotSettings settings)
    {
        var sample = settings.FeedSource is null;
        var speed = settings.ReplaySpeed ?? (sample ? BotSettings.SampleReplaySpeed : (double?)null);
        var pacer = speed is { } s ? new ReplayPacer(s, TimeProvider.System) : null;

        // The bundled sample is a whole night replayed; a live feed's first poll is just what has arrived so far.
        var firstPoll = sample ? new ProcessingMode(true, false, pacer) : ProcessingMode.Live with { Pacer = pacer };
        var description = sample ? "the bundled sample feed (English local elections, 2 May 2024)" : Feeds.Sources.FeedAddress.Redact(settings.FeedSource!);
        return new BotRunPlan(description, settings.PollInterval, firstPoll, sample, BotSettings.SampleFeedDirectory);
    }

    /// <returns>0 when stopped by a signal (or the end of input); 1 when a failure stopped the bot, after one "error:" line.</returns>
    public static async Task<int> RunAsync(IHost host, TextWriter error)
    {
        // Open the store before starting, so a bad connection string fails at once with its name.
        host.Services.GetRequiredService<IResultsStore>();
        var fatal = new FatalErrors();
        try
        {
            await WaitForTheStoreAsync(host);
            await host.StartAsync();
        }
        catch (Exception ex) when (ex is not (StorageException or FeedSourceException or OperationCanceledException))
        {
            // Starting reads the store (subscriptions) and opens the platforms: a damaged database shows here.
            await error.WriteLineAsync("error: " + FatalErrors.Describe(ex, host.Services.GetRequiredService<BotSettings>().ConnectionString));
            await StopQuietlyAsync(host);

            // A port another program holds is a setting to change, as a bad setting is (exit 2), not a crash.
            return FatalErrors.IsAddressInUse(ex) ? 2 : 1;
        }
        catch (OperationCanceledException) when (host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            // SIGTERM or Ctrl+C while the parts were starting: stop as if it had come a moment later, not abort (exit 134).
            await StopQuietlyAsync(host);
            return 0;
        }

        var fatalStop = host.Services.GetService<FatalStop>();
        fatal.Watch(host);
        await host.WaitForShutdownAsync();
        if (fatal.First is not { } failure)
        {
            // The bot stopped itself for a reason that must not look like success (the launcher prints it as "error:").
            return fatalStop?.Reason is { } reason ? throw new StorageException(reason) : 0;
        }

        await error.WriteLineAsync("error: " + FatalErrors.Describe(failure, host.Services.GetRequiredService<BotSettings>().ConnectionString));
        return 1;
    }

    /// <summary>
    /// Starting reads and writes the store (the channels' subscriptions). A database another program holds,
    /// a full disk or a read-only file system is waited for, saying so once, not fatal: the bot starts when it can.
    /// </summary>
    private static async Task WaitForTheStoreAsync(IHost host)
    {
        var time = host.Services.GetRequiredService<TimeProvider>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                host.Services.GetRequiredService<ChannelSubscriptions>();
                return;
            }
            catch (Exception ex) when (StoreFaults.IsTransient(ex))
            {
                if (attempt == 1)
                {
                    host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RunVerb).FullName!)
                        .LogWarning("Waiting for the database: {Reason}; the bot starts as soon as it can be used", StoreFaults.Describe(ex));
                }

                await Task.Delay(TimeSpan.FromSeconds(2), time);
            }
        }
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        try
        {
            await host.StopAsync();
        }
        catch (Exception)
        {
            // Already failing: the error line said why; what a half-started host does on stopping adds nothing.
        }
    }
}
