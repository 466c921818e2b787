using ResultsBot.Domain.Posts;

namespace ResultsBot.Storage;

/// <summary>A post queued for a channel and not yet confirmed sent.</summary>
/// <param name="CorrectsPostId">For a correction, the post it corrects (platforms that can edit will edit that one).</param>
public sealed record PendingDelivery(long DeliveryId, long PostId, string Channel, Post Post, long? CorrectsPostId);
