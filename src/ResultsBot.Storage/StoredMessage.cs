namespace ResultsBot.Storage;

/// <summary>An accepted message as stored: the raw document it came in, so state can be rebuilt by reading it again.</summary>
public sealed record StoredMessage(long Id, string Key, int Revision, string Origin, byte[] Content);
