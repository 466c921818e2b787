namespace ResultsBot.Application.Storage;

/// <summary>A feed message to store, with the posts it makes and their channels.</summary>
public sealed record AcceptedMessage(string Key, int Revision, string Origin, byte[] Content, IReadOnlyList<QueuedPost> Posts);
