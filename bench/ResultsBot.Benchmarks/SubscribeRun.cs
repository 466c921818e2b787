using System.Globalization;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;

namespace ResultsBot.Benchmarks;

/// <summary>
/// `subscribe DATABASE N`: N Discord channels subscribed to everything in the bot's database, as N uses of
/// /subscribe would leave it (how a community bot gathers thousands of channels; configuration is for a few).
/// </summary>
internal static class SubscribeRun
{
    public static int Run(string database, int channels)
    {
        using var store = SqliteResultsStore.Open("Data Source=" + database, TimeProvider.System);
        var subscriptions = Enumerable.Range(0, channels)
            .Select(i => ("discord:" + (700_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture), SubscriptionText.Write(SubscriptionFilter.Everything)))
            .ToList();
        store.SubscribeMany(subscriptions, "command", "bench");
        Console.WriteLine("subscribed " + store.LoadSubscriptions().Count.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
