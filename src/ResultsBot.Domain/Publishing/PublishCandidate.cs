namespace ResultsBot.Domain.Publishing;

/// <summary>A message in a publishing channel that is owed a publish.</summary>
/// <param name="MessageId">The platform's id of the message.</param>
/// <param name="PostedAt">When it went out: a publish is owed for <see cref="PublishPolicy.OwedFor"/> from then.</param>
public sealed record PublishCandidate(string MessageId, PublishRank Rank, DateTimeOffset PostedAt);
