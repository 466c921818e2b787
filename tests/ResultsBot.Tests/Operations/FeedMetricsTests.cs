using ResultsBot.Application.Operations;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Operations;

/// <summary>
/// The feed's age and failure are the feed reader's to report: a standby reads no feed, so its age would only grow and
/// set off an operator's "feed stale" alert on every standby all night.
/// </summary>
public sealed class FeedMetricsTests
{
    [Fact]
    public void FeedAge_OnAStandby_IsNotReported()
    {
        using var metrics = new BotMetrics();
        metrics.ObserveFeed(() => (1800, true));
        metrics.ObserveRole(() => false);

        Assert.Empty(MeterReadings.Doubles(metrics.Meter, "resultsbot_feed_age"));
        Assert.Equal(0, MeterReadings.Sum(metrics.Meter, "resultsbot_feed_failing"));
        Assert.Equal(0, MeterReadings.Sum(metrics.Meter, "resultsbot_feed_reader"));
    }

    [Fact]
    public void FeedAge_OnTheFeedReader_IsReported()
    {
        var reading = false;
        using var metrics = new BotMetrics();
        metrics.ObserveFeed(() => (12.5, true));
        metrics.ObserveRole(() => reading);
        reading = true; // took the feed over

        Assert.Equal([12.5], MeterReadings.Doubles(metrics.Meter, "resultsbot_feed_age"));
        Assert.Equal(1, MeterReadings.Sum(metrics.Meter, "resultsbot_feed_failing"));
    }
}
