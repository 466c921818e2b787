namespace ResultsBot.Pipeline;

/// <param name="Started">When the bot started watching.</param>
/// <param name="FailingSince">Start of the current run of failed reads, or null when the last read worked.</param>
/// <param name="Failure">Why the last read failed.</param>
/// <param name="LastNew">When a new or changed file last arrived, or null if none has.</param>
/// <param name="Read">Whether the feed loop has tried the feed yet (the night restored, the source watched).</param>
public sealed record FeedHealthSnapshot(DateTimeOffset Started, DateTimeOffset? FailingSince, string? Failure, DateTimeOffset? LastNew, bool Read = false);
