namespace ResultsBot.Application.Storage;

/// <summary>A message published (or given up) in a channel, and when that was recorded.</summary>
public sealed record PublishRecord(string PlatformMessageId, PublishOutcome Outcome, DateTimeOffset RecordedAt);
