namespace ResultsBot.Application.Storage;

/// <summary>
/// What an announcement channel owes its followers, and what it has published. Nothing is queued for a publish:
/// what is owed follows from what was delivered (recorded when the post went out, in the same write), less what
/// is recorded here as published or given up. So a restart can neither forget a publish it owed nor lose one it
/// made; one made in the instant before a crash and not yet recorded is asked for again, and Discord answers
/// that it is already published (40033), which is recorded as done.
/// </summary>
public interface IPublishLog
{
    /// <summary>
    /// Posts delivered to a channel since a time that the platform gave a message id, oldest first (a digest's
    /// posts share one id; a correction that edited its original shares the original's).
    /// </summary>
    IReadOnlyList<DeliveredPost> DeliveredSince(string channel, DateTimeOffset since);

    /// <summary>Publishes recorded in a channel since a time, oldest first.</summary>
    IReadOnlyList<PublishRecord> PublishesSince(string channel, DateTimeOffset since);

    /// <summary>Records that a message was published (or never will be); a second record of the same message is ignored.</summary>
    void RecordPublish(string channel, string platformMessageId, PublishOutcome outcome);
}
