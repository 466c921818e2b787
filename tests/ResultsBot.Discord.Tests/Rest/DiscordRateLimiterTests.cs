using Microsoft.Extensions.Time.Testing;
using ResultsBot.Discord.Rest;

namespace ResultsBot.Discord.Tests.Rest;

public sealed class DiscordRateLimiterTests
{
    private const string Messages = "POST channels/{id}/messages";

    [Fact]
    public async Task EnterAsync_InteractionRoutesIdleLongerThanATokenLives_AreForgottenAndChannelsKept()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time);
        foreach (var (route, major) in new[] { Messages, "POST interactions/{id}/{token}/callback", "POST webhooks/{id}/{token}" }
            .Select((route, i) => (route, i == 0 ? "123" : $"{i}/token-{i}")))
        {
            using var lease = await limiter.EnterAsync(route, major, global: false, default);
            lease.Learn(bucketHash: null, remaining: 4, resetAfter: TimeSpan.FromSeconds(2));
        }

        var before = limiter.KnownRoutes;
        time.Advance(TimeSpan.FromMinutes(16));
        using (await limiter.EnterAsync(Messages, "123", global: false, default))
        {
        }

        Assert.Equal(6, before); // a gate and a bucket for each of the three
        Assert.Equal(2, limiter.KnownRoutes); // the channel's gate and bucket
    }

    [Fact]
    public async Task EnterAsync_OverTheGlobalLimit_WaitsUntilASecondAfterTheAnswers()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 3);
        var first = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => limiter.EnterAsync(Messages, $"c{i}", global: true, default)));
        var waiting = Enumerable.Range(4, 3).Select(i => limiter.EnterAsync(Messages, $"c{i}", global: true, default)).ToList();

        time.Advance(TimeSpan.FromSeconds(5));
        var heldWhileInFlight = waiting.All(w => !w.IsCompleted);
        foreach (var lease in first)
        {
            lease.Dispose();
        }

        time.Advance(TimeSpan.FromMilliseconds(1000));
        var heldForTheWindow = waiting.All(w => !w.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(5));
        var leases = await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(heldWhileInFlight, "a slot was handed on while its request had no answer");
        Assert.True(heldForTheWindow, "a slot was handed on less than a second after its answer");
        Assert.Equal(3, leases.Length);
    }

    [Fact]
    public async Task EnterAsync_Waiters_GetFreedSlotsInTheOrderTheyCame()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 1);
        var holder = await limiter.EnterAsync(Messages, "c1", global: true, default);
        var all = Enumerable.Range(2, 3).Select(i => limiter.EnterAsync(Messages, $"c{i}", global: true, default)).ToList();
        var waiting = all.ToList();
        var order = new List<int>();

        for (var turn = 0; turn < 3; turn++)
        {
            holder.Dispose();
            time.Advance(TimeSpan.FromSeconds(1.1));
            var next = await Task.WhenAny(waiting).WaitAsync(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
            Assert.Equal(1, waiting.Count(w => w.IsCompleted));
            order.Add(all.IndexOf(next));
            waiting.Remove(next);
            holder = await next;
        }

        holder.Dispose();
        Assert.Equal([0, 1, 2], order);
    }

    [Fact]
    public async Task EnterAsync_ACancelledWaiter_DoesNotUseASlot()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 1);
        var held = await limiter.EnterAsync(Messages, "c1", global: true, default);
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.EnterAsync(Messages, "c2", global: true, cancel.Token);
        var next = limiter.EnterAsync(Messages, "c3", global: true, default);

        await cancel.CancelAsync();
        held.Dispose();
        time.Advance(TimeSpan.FromSeconds(1.1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        using var lease = await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task EnterAsync_AfterAGlobal429_WaitsOutThePauseEvenWithSlotsFree()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 50);
        using (var lease = await limiter.EnterAsync(Messages, "c1", global: true, default))
        {
            lease.Block(TimeSpan.FromSeconds(2), global: true);
        }

        var next = limiter.EnterAsync(Messages, "c2", global: true, default);
        time.Advance(TimeSpan.FromSeconds(1.9));
        var heldDuringThePause = !next.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(0.1));
        using var after = await next.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(heldDuringThePause, "a request went out during a global 429 pause");
    }
}
