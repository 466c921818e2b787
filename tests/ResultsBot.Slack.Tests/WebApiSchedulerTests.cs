using Microsoft.Extensions.Time.Testing;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Tests;

public sealed class WebApiSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 3, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reserve_BurstThenOneEveryInterval()
    {
        var limiter = new PaceLimiter(TimeSpan.FromSeconds(1), burst: 3);

        var starts = Enumerable.Range(0, 5).Select(_ => limiter.Reserve(Start)).ToList();

        Assert.Equal([Start, Start, Start, Start.AddSeconds(1), Start.AddSeconds(2)], starts);
    }

    [Fact]
    public void HoldUntil_PushesTheNextSlotPastTheWait()
    {
        var limiter = new PaceLimiter(TimeSpan.FromSeconds(1), burst: 1);
        limiter.Reserve(Start);

        limiter.HoldUntil(Start.AddSeconds(30));

        Assert.Equal(Start.AddSeconds(30), limiter.Reserve(Start.AddSeconds(2)));
    }

    [Fact]
    public async Task WaitTurnAsync_SameChannelWaitsOtherChannelDoesNot()
    {
        var time = new FakeTimeProvider(Start);
        var scheduler = new PostingScheduler(SlackRateLimits.Default, time);
        await scheduler.WaitTurnAsync("C1", CancellationToken.None);

        var sameChannel = scheduler.WaitTurnAsync("C1", CancellationToken.None);
        var otherChannel = scheduler.WaitTurnAsync("C2", CancellationToken.None);

        await otherChannel.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(sameChannel.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await sameChannel.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitTurnAsync_WorkspaceCapHoldsManyChannels()
    {
        var time = new FakeTimeProvider(Start);
        var limits = SlackRateLimits.Default;
        var scheduler = new PostingScheduler(limits, time);

        var turns = Enumerable.Range(0, limits.WorkspaceBurst + 1).Select(i => scheduler.WaitTurnAsync("C" + i, CancellationToken.None)).ToList();

        await Task.WhenAll(turns.Take(limits.WorkspaceBurst)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(turns[^1].IsCompleted);
        time.Advance(limits.WorkspaceInterval);
        await turns[^1].WaitAsync(TimeSpan.FromSeconds(10));
    }
}
