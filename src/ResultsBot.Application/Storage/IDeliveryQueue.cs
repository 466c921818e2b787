namespace ResultsBot.Application.Storage;

/// <summary>
/// The outbox: posts queued per channel, in order, until each is confirmed sent. A send is marked attempted
/// before it goes, so after a crash the resend knows it may already be there.
/// </summary>
public interface IDeliveryQueue
{
    /// <summary>Channels with posts waiting, leaving out paused ones.</summary>
    IReadOnlyList<string> ChannelsWithPending();

    /// <summary>Posts queued for a channel and not yet settled, oldest first.</summary>
    IReadOnlyList<PendingDelivery> PendingDeliveries(string channel);

    /// <summary>Notes that these posts of one channel are about to go out (all of a digest at once).</summary>
    /// <exception cref="Instances.DeliveryLeaseLostException">
    /// A store shared by several instances: the database no longer shows this instance holding the channel's delivery
    /// lease. Nothing is marked, and nothing may be sent.
    /// </exception>
    void MarkAttempted(string channel, IReadOnlyList<long> deliveryIds);

    /// <summary>Records posts that went out as one message (a digest: all or none), with the platform's id.</summary>
    void MarkDelivered(IReadOnlyList<long> deliveryIds, string? platformMessageId);

    /// <summary>Settles a post that will never go out to its channel (the platform refused it for good).</summary>
    void MarkFailed(long deliveryId, string reason);

    /// <summary>
    /// The platform's id of a post as delivered to a channel, read now. Null when it has not gone out, was refused,
    /// or went out inside a digest (editing that would replace the other councils' headlines).
    /// </summary>
    string? DeliveredMessageId(long postId, string channel);

    /// <summary>The digest a post went out in on a channel, or null when it went out on its own or not at all.</summary>
    DigestRecord? DigestCarrying(long postId, string channel);
}
