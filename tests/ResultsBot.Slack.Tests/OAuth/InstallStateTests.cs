using Microsoft.Extensions.Time.Testing;
using ResultsBot.Slack.OAuth;

namespace ResultsBot.Slack.Tests.OAuth;

public sealed class InstallStateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 7, 22, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Problem_SameBrowserWithinTenMinutes_None()
    {
        var state = new InstallState(OAuthRig.Key, _time);
        var issued = state.Issue();
        _time.Advance(TimeSpan.FromMinutes(9));

        Assert.Null(state.Problem(issued, issued));
    }

    [Fact]
    public void Problem_AfterTenMinutes_SaysTheLinkExpired()
    {
        var state = new InstallState(OAuthRig.Key, _time);
        var issued = state.Issue();
        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal("the install link has expired: start again", state.Problem(issued, issued));
    }

    [Fact]
    public void Problem_IssuedUnderAnotherKey_IsNotOurs()
    {
        var other = new InstallState([.. Enumerable.Repeat((byte)9, 32)], _time).Issue();

        Assert.Equal("the state was not signed by this bot", new InstallState(OAuthRig.Key, _time).Problem(other, other));
    }

    [Fact]
    public void Problem_IssueTimeMovedLater_SignatureNoLongerMatches()
    {
        var state = new InstallState(OAuthRig.Key, _time);
        var parts = state.Issue().Split('.');
        var later = string.Join('.', (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), parts[1], parts[2]);

        Assert.Equal("the state was not signed by this bot", state.Problem(later, later));
    }

    [Fact]
    public void Problem_MissingOrOtherBrowsers_SaySo()
    {
        var state = new InstallState(OAuthRig.Key, _time);
        var mine = state.Issue();
        var theirs = state.Issue();

        Assert.Equal("the state is missing", state.Problem(null, mine));
        Assert.Equal("the install was started in another browser: start again", state.Problem(theirs, mine));
        Assert.Equal("the install was started in another browser: start again", state.Problem(theirs, null));
    }
}
