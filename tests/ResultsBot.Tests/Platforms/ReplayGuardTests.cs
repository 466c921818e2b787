using Microsoft.Extensions.Time.Testing;
using ResultsBot.Platforms;

namespace ResultsBot.Tests.Platforms;

public sealed class ReplayGuardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FirstTime_SameKeyWithinTheWindow_OnlyTheFirstPasses()
    {
        var guard = new ReplayGuard(TimeSpan.FromMinutes(10), _time);

        var first = guard.FirstTime("v0=abc");
        _time.Advance(TimeSpan.FromMinutes(9));
        var again = guard.FirstTime("v0=abc");

        Assert.True(first);
        Assert.False(again);
    }

    [Fact]
    public void FirstTime_AfterTheWindow_IsForgotten()
    {
        // By then the platform's own timestamp check refuses the request: remembering it longer would only cost memory.
        var guard = new ReplayGuard(TimeSpan.FromMinutes(10), _time);
        guard.FirstTime("v0=abc");

        _time.Advance(TimeSpan.FromMinutes(11));

        Assert.True(guard.FirstTime("v0=abc"));
    }

    [Fact]
    public void FirstTime_MoreKeysThanTheCapacity_KeepsOnlyTheNewest()
    {
        var guard = new ReplayGuard(TimeSpan.FromMinutes(10), _time, capacity: 3);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            guard.FirstTime(key);
        }

        Assert.False(guard.FirstTime("d"));
        Assert.False(guard.FirstTime("c"));
        Assert.True(guard.FirstTime("a")); // forgotten to stay within three
    }
}
