using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;

namespace ResultsBot.Tests.Pipeline;

/// <summary>A feed that stalls or a poll that never ends is alerted at once and makes /readyz not ready, and clears when reading works again.</summary>
public sealed class StuckFeedTests : IDisposable
{
    private static readonly TimeSpan FailingAfter = TimeSpan.FromMinutes(2);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero));
    private readonly InMemoryResultsStore _store;
    private readonly FeedHealth _health;
    private readonly FeedWatchdog _watchdog;

    public StuckFeedTests()
    {
        _store = new InMemoryResultsStore(_time);
        _health = new FeedHealth(_time);
        _watchdog = new FeedWatchdog(_health, new FeedAlertPolicy("ops", FailingAfter, TimeSpan.FromMinutes(30)), _store, _time, CultureInfo.GetCultureInfo("en-GB"), NullLogger<FeedWatchdog>.Instance);
    }

    [Fact]
    public void Check_ReadGivenUpBecauseTheSourceStalled_AlertsAtOnceAndReadinessSaysStuck()
    {
        _health.ReadOk(1);
        _health.ReadFailed("http://feed/results.xml?key=*** stalled: its answer was not complete within 20 s", stalled: true);

        var alert = _watchdog.Check("http://feed/results.xml?key=***");
        var readiness = _health.Snapshot().Readiness(_time.GetUtcNow(), FailingAfter);
        _health.ReadOk(0);
        var clear = _watchdog.Check("http://feed/results.xml?key=***");

        Assert.Equal("Feed problem: results cannot be read (0 seconds)", alert?.Headline);
        Assert.Equal("stuck: http://feed/results.xml?key=*** stalled: its answer was not complete within 20 s", readiness);
        Assert.Equal("ok", _health.Snapshot().Readiness(_time.GetUtcNow(), FailingAfter));
        Assert.StartsWith("Feed back: readable again", clear?.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PollRunningLongerThanFailingAfter_AlertsOnceWhileItRunsAndClearsWhenItEnds()
    {
        _health.ReadOk(1);
        _health.PollStarted();
        _time.Advance(FailingAfter - TimeSpan.FromSeconds(1));
        var early = _watchdog.Check("/feeds/pa");
        var readyEarly = _health.Snapshot().Readiness(_time.GetUtcNow(), FailingAfter);

        _time.Advance(TimeSpan.FromSeconds(1));
        var alert = _watchdog.Check("/feeds/pa");
        var readiness = _health.Snapshot().Readiness(_time.GetUtcNow(), FailingAfter);
        _time.Advance(TimeSpan.FromSeconds(30));
        var again = _watchdog.Check("/feeds/pa");

        _health.ReadOk(0);
        _health.PollFinished();
        var clear = _watchdog.Check("/feeds/pa");

        Assert.Null(early);
        Assert.Equal("ok", readyEarly);
        Assert.Equal("Feed problem: results cannot be read (2 minutes)", alert?.Headline);
        Assert.Equal("/feeds/pa has been failing for 2 minutes: reading the feed has not finished after 120 s", alert?.Lines[0]);
        Assert.Equal("stuck: reading the feed has not finished after 120 s", readiness);
        Assert.Null(again);
        Assert.Equal("Feed back: readable again after 2 minutes, 30 seconds", clear?.Headline);
        Assert.Equal(["Feed problem: results cannot be read (2 minutes)", "Feed back: readable again after 2 minutes, 30 seconds"], _store.PendingDeliveries("ops").Select(d => d.Post.Headline));
    }

    public void Dispose() => _store.Dispose();
}
