namespace ResultsBot.Platforms;

/// <summary>
/// This instance's part of a limit the whole bot has, whichever instances send for it (Discord's global rate limit is
/// counted per bot token, not per connection): the instances running at once split it between them. The only instance
/// on its store has <see cref="WholeLimit"/>.
/// </summary>
public interface IGlobalLimitShare
{
    /// <summary>How much of <paramref name="wholeLimit"/> this instance may use now (at least 1); asked again as instances come and go.</summary>
    int ShareOf(int wholeLimit);
}
