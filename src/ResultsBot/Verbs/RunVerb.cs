using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Pipeline;
using ResultsBot.Settings;
using ResultsBot.Storage;
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
        var description = sample ? "the bundled sample feed (English local elections, 2 May 2024)" : settings.FeedSource!;
        return new BotRunPlan(description, settings.PollInterval, firstPoll, sample);
    }

    public static async Task<int> RunAsync(IHost host)
    {
        // Open the store before starting, so a bad connection string fails at once with its name.
        host.Services.GetRequiredService<SqliteResultsStore>();
        var fatal = host.Services.GetService<Operations.FatalStop>(); // RunAsync disposes the host's services
        await host.RunAsync();
        // The bot stopped itself for a reason that must not look like success (the launcher prints it as "error:").
        return fatal?.Reason is { } reason ? throw new StorageException(reason) : 0;
    }
}
