using ResultsBot.Storage;

namespace ResultsBot.Pipeline;

/// <summary>A platform channel posts go out to. Returns the platform's id for the message, when it has one.</summary>
public interface IPostSink
{
    string Channel { get; }

    /// <summary>Whether this channel takes declarations as digests.</summary>
    DigestPolicy Digest { get; }

    Task<string?> SendAsync(PendingDelivery delivery, CancellationToken cancellationToken);
}
