using ResultsBot.Domain.Posts;

namespace ResultsBot.Platforms;

/// <summary>One post for one channel, as the delivery worker hands it to a platform.</summary>
/// <param name="DeliveryId">Unique per post and channel, stable across restarts: the idempotency key (Discord's nonce).</param>
/// <param name="ChannelId">The platform's own channel id (the part after "discord:").</param>
/// <param name="OriginalMessageId">For a correction, the platform's id of the post it corrects on this channel (edit it), when known.</param>
/// <param name="Attempted">True when an earlier attempt may have reached the platform before a crash (look before sending again where the platform allows).</param>
public sealed record OutgoingPost(long DeliveryId, string ChannelId, Post Post, string? OriginalMessageId = null, bool Attempted = false)
{
    /// <summary>When the first earlier attempt started, if known: a platform that remembers an idempotency key only for a while looks in the channel when it is older.</summary>
    public DateTimeOffset? AttemptedAt { get; init; }

    /// <summary>For a correction that edits: what the edited message should now show when that is not the correction itself (the digest it went out in, with this result's line corrected).</summary>
    public Post? Replacement { get; init; }

    /// <summary>The platform's id of the newest post recorded in this channel before this one, if any: an earlier copy can only be after it.</summary>
    public string? PreviousMessageId { get; init; }

    /// <summary>
    /// Pictures to send with the post, the main one first (the map, then a council's chamber); empty when the
    /// channel takes none or drawing failed (the text never waits for a picture). A correction that edits replaces
    /// the original's pictures with these.
    /// </summary>
    public IReadOnlyList<PostImage> Images { get; init; } = [];

    /// <summary>
    /// For a channel that takes posts only as threads (a Discord forum): one thread per council ("forum per
    /// council"), else one for the night. Night-wide news goes in the night's thread either way.
    /// </summary>
    public bool ThreadPerCouncil { get; init; }

    public string IdempotencyKey => DeliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
