using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Storage;

/// <summary>The one-item forms of the store's calls, the same for every store.</summary>
public static class ResultsStoreExtensions
{
    /// <summary>Stores an accepted message and queues its posts for each channel, all or nothing.</summary>
    public static void Accept(this IResultsLog log, string key, int revision, string origin, byte[] content, IReadOnlyList<Post> posts, IReadOnlyList<string> channels) =>
        log.Accept(key, revision, origin, content, [.. posts.Select(p => new QueuedPost(p, channels))]);

    /// <summary>Stores an accepted message and queues each post for its channels, all or nothing.</summary>
    public static void Accept(this IResultsLog log, string key, int revision, string origin, byte[] content, IReadOnlyList<QueuedPost> posts) =>
        log.AcceptAll([new AcceptedMessage(key, revision, origin, content, posts)]);

    public static void MarkDelivered(this IDeliveryQueue queue, long deliveryId, string? platformMessageId = null) =>
        queue.MarkDelivered([deliveryId], platformMessageId);

    public static void MarkAttempted(this IDeliveryQueue queue, string channel, long deliveryId) => queue.MarkAttempted(channel, [deliveryId]);

    /// <summary>Subscribes a channel, or changes its filter; a command's subscribe also lifts a pause.</summary>
    public static void Subscribe(this ISubscriptionStore store, string channel, string filter, string origin, string updatedBy) =>
        store.SubscribeMany([(channel, filter)], origin, updatedBy);
}
