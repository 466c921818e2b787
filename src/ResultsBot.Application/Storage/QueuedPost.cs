using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Storage;

/// <summary>A post to queue and the channels it goes to.</summary>
public sealed record QueuedPost(Post Post, IReadOnlyList<string> Channels);
