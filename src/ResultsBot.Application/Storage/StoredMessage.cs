namespace ResultsBot.Application.Storage;

/// <summary>An accepted message as stored: the raw document it came in, so state can be rebuilt by reading it again.</summary>
public sealed record StoredMessage(long Id, string Key, int Revision, string Origin, byte[] Content)
{
    /// <summary>When the message was taken, so a correction after a restart can still say when the post it corrects went out.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }
}
