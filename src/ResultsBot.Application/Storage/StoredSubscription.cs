namespace ResultsBot.Application.Storage;

/// <summary>A channel's subscription as stored: its filter as /subscribe text, who set it, and whether it is paused.</summary>
/// <param name="Origin">"config" (from settings) or "command" (someone typed /subscribe).</param>
/// <param name="PausedReason">Why the bot stopped sending there (the platform said the channel is gone), or null.</param>
public sealed record StoredSubscription(
    string Channel,
    string Filter,
    string Origin,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PausedAt,
    string? PausedReason);
