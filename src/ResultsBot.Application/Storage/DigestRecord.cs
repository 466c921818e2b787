using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Storage;

/// <summary>A digest as it went out to a channel: the platform's message id and the posts it carried, in order.</summary>
/// <param name="Posts">Each post with the headline of its latest correction sent to that channel.</param>
public sealed record DigestRecord(string MessageId, IReadOnlyList<(long PostId, Post Post)> Posts);
