using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Storage;

/// <summary>
/// The night's accepted messages and the posts they made. Accepting is one unit of work: the messages, their
/// posts and a delivery per channel are all kept, or none (a crash never leaves a result without its posts).
/// </summary>
public interface IResultsLog
{
    /// <summary>Every accepted message, oldest first: the night is rebuilt from them at start.</summary>
    IReadOnlyList<StoredMessage> LoadMessages();

    /// <summary>
    /// The messages accepted after the one with <paramref name="afterId"/>, oldest first: how an instance that shares the
    /// store with others catches up with what they accepted, without reading the whole night again.
    /// </summary>
    IReadOnlyList<StoredMessage> LoadMessagesAfter(long afterId);

    /// <summary>
    /// Stores the messages and queues each post for its channels, all or nothing. A correction also goes to every
    /// subscribed channel that had the post it corrects. The same key and revision twice is refused (throws).
    /// </summary>
    void AcceptAll(IReadOnlyList<AcceptedMessage> messages);

    /// <summary>Queues a post of the bot's own (an alert) that no feed message caused.</summary>
    void Announce(Post post, IReadOnlyList<string> channels);
}
