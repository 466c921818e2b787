using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Posts;
using ResultsBot.Application.Pipeline;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;


namespace ResultsBot.Application.Operations;

/// <summary>
/// Looks every second whether the database file is still the one the bot opened. SQLite keeps writing into
/// a deleted file without a word, and the next start would find an empty database and post the whole night
/// again; a swapped file mixes two nights. So when it is gone or replaced the bot tells the operations
/// channel directly (the store cannot queue anything any more), records why, and stops.
/// </summary>
public sealed class StoreFileWatch(
    IResultsStore store,
    IEnumerable<IPlatformOutlet> outlets,
    FeedAlertPolicy operations,
    FatalStop fatal,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<StoreFileWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AlertPatience = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store.FilePath is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (store.CheckFile() is not { } problem)
            {
                continue;
            }

            var reason = $"stopped because {problem}; restore the database and start the bot again";
            fatal.Record(reason);
            logger.LogCritical("Stopping: {Problem}", problem);
            await AlertAsync(problem, stoppingToken);
            lifetime.StopApplication();
            return;
        }
    }

    private async Task AlertAsync(string problem, CancellationToken stoppingToken)
    {
        if (operations.Channel is not { } channel || !ChannelAddress.TryParse(channel, out var address)
            || outlets.FirstOrDefault(o => o.Platform == address.Platform) is not { } outlet)
        {
            return;
        }

        var alert = new Post(PostKind.Announcement, "store", "ResultsBot stopped: its database is gone", [
            $"The bot found that {problem}.",
            "Nothing more is posted until an operator restores the database and starts it again.",
        ]);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        patience.CancelAfter(AlertPatience);
        try
        {
            // Never queued: a negative id that no delivery has, unique per second.
            await outlet.SendAsync(new OutgoingPost(-time.GetUtcNow().ToUnixTimeSeconds(), address.Id, alert), patience.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning("Could not tell {Channel} that the bot is stopping: {Reason}", channel, ex.Message);
        }
    }
}
