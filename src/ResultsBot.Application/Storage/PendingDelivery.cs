using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Storage;

/// <summary>A post queued for a channel and not yet confirmed sent.</summary>
/// <param name="CorrectsPostId">For a correction, the post it corrects (platforms that can edit will edit that one).</param>
/// <param name="QueuedAt">When the post was queued (a digest waits for its window from here).</param>
public sealed record PendingDelivery(long DeliveryId, long PostId, string Channel, Post Post, long? CorrectsPostId, DateTimeOffset QueuedAt)
{
    /// <summary>The corrected post's message id on this channel, when the platform gave one: the message to edit.</summary>
    public string? CorrectsPlatformMessageId { get; init; }

    /// <summary>An earlier attempt started and was never confirmed: it may have reached the platform before a crash.</summary>
    public bool Attempted { get; init; }

    /// <summary>When the first attempt started (null when never, or when the stored time cannot be read).</summary>
    public DateTimeOffset? AttemptedAt { get; init; }

    /// <summary>The platform's id of the newest post recorded on this channel before this one: an earlier copy of this one can only be after it.</summary>
    public string? PreviousPlatformMessageId { get; init; }
}
