using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;

namespace ResultsBot.Tests.Pipeline;

public sealed class FeedWatchdogTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero));
    private readonly InMemoryResultsStore _store;
    private readonly FeedHealth _health;
    private readonly FeedWatchdog _watchdog;

    public FeedWatchdogTests()
    {
        _store = new InMemoryResultsStore(_time);
        _health = new FeedHealth(_time);
        var policy = new FeedAlertPolicy("ops", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(30));
        _watchdog = new FeedWatchdog(_health, policy, _store, _time, CultureInfo.GetCultureInfo("en-GB"), NullLogger<FeedWatchdog>.Instance);
    }

    [Fact]
    public void Check_FailingLongerThanAllowed_AlertsOnceThenGivesTheAllClear()
    {
        _health.ReadOk(1);
        _health.ReadFailed("http://feed/ answered 500 Internal Server Error");
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Null(_watchdog.Check("http://feed/"));

        _time.Advance(TimeSpan.FromSeconds(1));
        var alert = _watchdog.Check("http://feed/");
        _time.Advance(TimeSpan.FromMinutes(1));
        _health.ReadFailed("still 500");
        var again = _watchdog.Check("http://feed/");
        _time.Advance(TimeSpan.FromMinutes(2));
        _health.ReadOk(0);
        var clear = _watchdog.Check("http://feed/");

        Assert.Equal("Feed problem: results cannot be read (2 minutes)", alert?.Headline);
        Assert.Equal("http://feed/ has been failing for 2 minutes: http://feed/ answered 500 Internal Server Error", alert?.Lines[0]);
        Assert.Null(again);
        Assert.Equal("Feed back: readable again after 5 minutes", clear?.Headline);
        Assert.Equal(["Feed problem: results cannot be read (2 minutes)", "Feed back: readable again after 5 minutes"], _store.PendingDeliveries("ops").Select(d => d.Post.Headline));
    }

    [Fact]
    public void Check_QuietLongerThanAllowed_AlertsOnceAndClearsWhenSomethingNewArrives()
    {
        _health.ReadOk(1);
        _time.Advance(TimeSpan.FromMinutes(30));
        _health.ReadOk(0);

        var quiet = _watchdog.Check("/feeds/pa");
        _time.Advance(TimeSpan.FromMinutes(5));
        var stillQuiet = _watchdog.Check("/feeds/pa");
        _time.Advance(TimeSpan.FromMinutes(7));
        _health.ReadOk(2);
        var back = _watchdog.Check("/feeds/pa");

        Assert.Equal("Feed quiet: nothing new for 30 minutes", quiet?.Headline);
        Assert.Equal("The last new file from /feeds/pa came at 8 May 2026, 02:00 UK time.", quiet?.Lines[0]);
        Assert.Null(stillQuiet);
        Assert.Equal("Feed back: new results after 42 minutes of quiet", back?.Headline);
    }

    [Fact]
    public void Check_NoChannelConfigured_AlertsAreOnlyLogged()
    {
        var watchdog = new FeedWatchdog(_health, FeedAlertPolicy.Default, _store, _time, CultureInfo.GetCultureInfo("en-GB"), NullLogger<FeedWatchdog>.Instance);
        _health.ReadFailed("unreachable");
        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.NotNull(watchdog.Check("x"));
        Assert.Equal(0, _store.CountPosts());
    }

    public void Dispose() => _store.Dispose();
}
