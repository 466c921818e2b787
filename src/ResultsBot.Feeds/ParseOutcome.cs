using ResultsBot.Domain.Messages;

namespace ResultsBot.Feeds;

/// <summary>
/// What a document held: messages the bot reads, or why it was refused. A known PA message type the
/// bot does not read yet is neither: it is <see cref="NotReadYet"/>.
/// </summary>
public sealed record ParseOutcome(IReadOnlyList<FeedMessage> Messages, string? Problem, string? NotReadYet)
{
    public bool IsBad => Problem is not null;

    public static ParseOutcome Read(IReadOnlyList<FeedMessage> messages) => new(messages, null, null);

    public static ParseOutcome Bad(string problem) => new([], problem, null);

    public static ParseOutcome Unread(string messageType) => new([], null, messageType);
}
