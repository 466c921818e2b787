namespace ResultsBot.Platforms;

/// <summary>
/// The one way the bot waits before trying again (a reconnect, a feed read): doubling from <see cref="First"/> up to
/// <see cref="Max"/>, with up to <see cref="Jitter"/> of each wait taken off at random, so that many bots (or
/// shards) dropped together do not all come back in the same instant. The outbox keeps its own, durable retry.
/// </summary>
public sealed record Backoff(TimeSpan First, TimeSpan Max, double Jitter = 0.2)
{
    /// <summary>The wait after this many failures in a row (none after none).</summary>
    public TimeSpan Delay(int failures, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var doubled = First.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = Math.Min(doubled, Max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - (random.NextDouble() * Jitter)));
    }
}
