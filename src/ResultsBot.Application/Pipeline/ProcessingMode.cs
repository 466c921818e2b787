namespace ResultsBot.Application.Pipeline;

/// <summary>How a batch of documents is taken.</summary>
/// <param name="ExpectWholeFeed">The batch is the whole feed (a replay): its councils are the night's total.</param>
/// <param name="SettleBadFiles">Watching live: a bad file may be half-written, so report it only if it stays bad.</param>
/// <param name="Pacer">Replay pacing, or null to go as fast as possible.</param>
public sealed record ProcessingMode(bool ExpectWholeFeed, bool SettleBadFiles, ReplayPacer? Pacer)
{
    public static ProcessingMode Live { get; } = new(false, true, null);
}
