using ResultsBot.Platforms;

namespace ResultsBot.Tests.Resilience;

public class BackoffTests
{
    private static readonly Backoff Reconnect = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    [Fact]
    public void Delay_DoublesFromTheFirstUpToTheMaxWithAtMostAFifthTakenOff()
    {
        var random = new Random(7);
        var waits = Enumerable.Range(1, 8).Select(failures => Reconnect.Delay(failures, random).TotalSeconds).ToList();

        double[] ceilings = [1, 2, 4, 8, 16, 30, 30, 30];
        Assert.All(waits.Zip(ceilings), w => Assert.InRange(w.First, w.Second * 0.8, w.Second));
        Assert.Equal(TimeSpan.Zero, Reconnect.Delay(0, random));
    }

    [Fact]
    public void Delay_ManyClientsDroppedTogether_DoNotAllComeBackInTheSameInstant()
    {
        var random = new Random(11);

        var waits = Enumerable.Range(0, 100).Select(_ => Reconnect.Delay(3, random)).ToHashSet();

        Assert.True(waits.Count > 90, $"only {waits.Count} different waits among 100 clients");
        Assert.True(waits.Max() - waits.Min() > TimeSpan.FromMilliseconds(500), "the waits are spread over a second or so");
    }
}
