using Microsoft.Extensions.Time.Testing;
using ResultsBot.Discord.Rest;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests.Rest;

/// <summary>
/// Discord's global limit (50 a second) is the bot's, not each instance's: with three instances running, each limiter
/// sends at most its third, rounded down; alone it sends all 50; and the share follows instances coming and going.
/// Every request is answered at once, so each slot is free again 1.005 s after it was taken: the counts below are
/// everything sent in one such window. Where the instances keep the limit's slots in one place, each request also
/// waits for one of those.
/// </summary>
public sealed class DiscordRateLimiterShareTests
{
    private const string Messages = "POST channels/{id}/messages";
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1005);

    [Fact]
    public async Task EnterAsync_ThreeInstancesLive_SendsAtMostSixteenInAnyWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 50, new LiveInstances { Count = 3 });
        var requests = new Requests(limiter, 100);

        var first = await requests.AnsweredAsync();
        time.Advance(Window - TimeSpan.FromMilliseconds(1));
        var beforeTheWindowEnds = await requests.AnsweredAsync();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await requests.AnsweredAsync();

        Assert.Equal(16, first);
        Assert.Equal(0, beforeTheWindowEnds);
        Assert.Equal(16, second);
    }

    [Fact]
    public async Task EnterAsync_OneInstanceLive_SendsTheWholeFifty()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 50, new LiveInstances { Count = 1 });
        var requests = new Requests(limiter, 120);

        var first = await requests.AnsweredAsync();
        time.Advance(Window - TimeSpan.FromMilliseconds(1));
        var beforeTheWindowEnds = await requests.AnsweredAsync();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await requests.AnsweredAsync();

        Assert.Equal(50, first);
        Assert.Equal(0, beforeTheWindowEnds);
        Assert.Equal(50, second);
    }

    [Fact]
    public async Task EnterAsync_InstancesComeAndGo_TheShareFollowsThem()
    {
        var time = new FakeTimeProvider();
        var live = new LiveInstances { Count = 3 };
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 50, live);
        var requests = new Requests(limiter, 200);

        var three = await requests.AnsweredAsync();
        live.Count = 1; // two of them stopped
        time.Advance(Window);
        var alone = await requests.AnsweredAsync();
        live.Count = 2; // one came back
        time.Advance(Window);
        var two = await requests.AnsweredAsync();

        Assert.Equal([16, 50, 25], [three, alone, two]);
    }

    [Fact]
    public async Task EnterAsync_TheShareShrinksWhileItsSlotsAreHeld_SendsNothingUntilFewEnoughAreHeld()
    {
        var time = new FakeTimeProvider();
        var live = new LiveInstances { Count = 1 };
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 50, live);
        var held = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => limiter.EnterAsync(Messages, $"held{i}", global: true, default)));
        var requests = new Requests(limiter, 40);
        live.Count = 3; // two more instances heard: this one's share is 16, and it holds 50

        for (var i = 0; i < held.Length; i++)
        {
            held[i].Dispose(); // answered one by one, 10 ms apart
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var whileTooManyHeld = await requests.AnsweredAsync();
        time.Advance(Window - TimeSpan.FromMilliseconds(10 * 16)); // a window after the 35th answer: 15 are still held
        var withFifteenHeld = await requests.AnsweredAsync();
        time.Advance(TimeSpan.FromMilliseconds(10 * 15)); // a window after the last answer: none is
        var whenAllFree = await requests.AnsweredAsync();

        Assert.Equal([0, 1, 15], [whileTooManyHeld, withFifteenHeld, whenAllFree]);
    }

    [Fact]
    public async Task EnterAsync_MoreInstancesThanTheLimit_StillSendsOneAWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 50, new LiveInstances { Count = 80 });
        var requests = new Requests(limiter, 5);

        Assert.Equal(1, await requests.AnsweredAsync());
    }

    [Fact]
    public async Task EnterAsync_TheInstancesKeepTheSlotsInOnePlace_EachRequestWaitsForOneAndGivesItBackWhenAnswered()
    {
        var time = new FakeTimeProvider();
        var shared = new SharedSlots { Free = 2 }; // what the other instances left free
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 50, WholeLimit.Instance, shared);
        var requests = new Requests(limiter, 5);

        var whileTwoAreFree = await requests.AnsweredAsync(); // and given back at once
        var afterTheyCameBack = await requests.AnsweredAsync();

        Assert.Equal([2, 2], [whileTwoAreFree, afterTheyCameBack]);
        Assert.Equal(50, shared.AskedOfLimit);
    }

    [Fact]
    public async Task EnterAsync_TheSharedSlotsCannotBeReached_SendsUnderThisInstancesShare()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time, globalPerSecond: 50, new LiveInstances { Count = 3 }, new SharedSlots { OutOfReach = true });
        var requests = new Requests(limiter, 40);

        Assert.Equal(16, await requests.AnsweredAsync());
    }

    /// <summary>The bot-wide slots as another instance would leave them: a few free, each free again the moment it is given back.</summary>
    private sealed class SharedSlots : IBotWideSlots
    {
        private readonly Queue<TaskCompletionSource<IBotWideSlot?>> _waiting = new();

        public int Free { get; set; }

        public bool OutOfReach { get; init; }

        public int AskedOfLimit { get; private set; }

        public Task<IBotWideSlot?> TakeAsync(int wholeLimit, CancellationToken cancellationToken)
        {
            lock (_waiting)
            {
                AskedOfLimit = wholeLimit;
                if (OutOfReach)
                {
                    return Task.FromResult<IBotWideSlot?>(null);
                }

                if (Free > 0)
                {
                    Free--;
                    return Task.FromResult<IBotWideSlot?>(new Slot(this));
                }

                var waiter = new TaskCompletionSource<IBotWideSlot?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue(waiter);
                return waiter.Task;
            }
        }

        private void GiveBack()
        {
            lock (_waiting)
            {
                if (!_waiting.TryDequeue(out var next))
                {
                    Free++;
                    return;
                }

                next.SetResult(new Slot(this));
            }
        }

        private sealed class Slot(SharedSlots slots) : IBotWideSlot
        {
            public void Release() => slots.GiveBack();
        }
    }

    /// <summary>Several instances' share as Discord's docs would have it: the limit divided by how many run, rounded down.</summary>
    private sealed class LiveInstances : IGlobalLimitShare
    {
        public int Count { get; set; }

        public int ShareOf(int wholeLimit) => Math.Max(1, wholeLimit / Count);
    }

    /// <summary>Requests to as many channels, all waiting for the global limit; each answered the moment it is sent.</summary>
    private sealed class Requests
    {
        private readonly List<Task<RouteLease>> _waiting;

        public Requests(DiscordRateLimiter limiter, int count) =>
            _waiting = [.. Enumerable.Range(1, count).Select(i => limiter.EnterAsync(Messages, $"c{i}", global: true, default))];

        /// <summary>How many were sent (and answered) at the fake clock's present moment.</summary>
        public async Task<int> AnsweredAsync()
        {
            // The clock stands still, so no slot can free meanwhile: waiting only lets the sent ones' continuations run.
            await Task.Delay(200);
            var sent = _waiting.Where(w => w.IsCompleted).ToList();
            foreach (var lease in sent)
            {
                (await lease).Dispose();
                _waiting.Remove(lease);
            }

            return sent.Count;
        }
    }
}
