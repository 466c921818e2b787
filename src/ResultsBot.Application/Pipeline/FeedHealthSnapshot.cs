namespace ResultsBot.Application.Pipeline;

/// <param name="Started">When the bot started watching.</param>
/// <param name="FailingSince">Start of the current run of failed reads, or null when the last read worked.</param>
/// <param name="Failure">Why the last read failed.</param>
/// <param name="LastNew">When a new or changed file last arrived, or null if none has.</param>
/// <param name="Read">Whether the feed loop has tried the feed yet (the night restored, the source watched).</param>
/// <param name="Stalled">Whether the last read failed because the source stopped answering part-way.</param>
/// <param name="PollingSince">When the poll under way started, or null between polls.</param>
public sealed record FeedHealthSnapshot(
    DateTimeOffset Started, DateTimeOffset? FailingSince, string? Failure, DateTimeOffset? LastNew, bool Read = false, bool Stalled = false, DateTimeOffset? PollingSince = null)
{
    /// <summary>Since when the feed has been stuck: a poll running longer than <paramref name="failingAfter"/>, or a read given up because the source stalled.</summary>
    public DateTimeOffset? StuckSince(DateTimeOffset now, TimeSpan failingAfter) =>
        PollingSince is { } polling && now - polling >= failingAfter ? polling
            : Stalled ? FailingSince
            : null;

    /// <summary>Why the feed is stuck, in words.</summary>
    public string StuckReason(DateTimeOffset now, TimeSpan failingAfter) =>
        PollingSince is { } polling && now - polling >= failingAfter
            ? $"reading the feed has not finished after {(int)(now - polling).TotalSeconds} s"
            : Failure ?? "the feed stopped answering";

    /// <summary>"ok", or what keeps the feed from being ready, for /readyz.</summary>
    public string Readiness(DateTimeOffset now, TimeSpan failingAfter)
    {
        if (StuckSince(now, failingAfter) is not null)
        {
            return $"stuck: {StuckReason(now, failingAfter)}";
        }

        // Not ready before the first read: until then the night is still being restored (answers would be
        // wrong) and a file dropped in the folder would wait for the loop to start watching.
        if (!Read)
        {
            return "starting: the night is being restored and the feed read for the first time";
        }

        return FailingSince is { } since && now - since >= failingAfter ? $"failing: {Failure}" : "ok";
    }
}
