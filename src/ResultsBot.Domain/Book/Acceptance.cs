using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Book;

/// <summary>What taking a message into the book did: the book after it, and what it replaced.</summary>
public sealed record Acceptance(ResultsBook Book, FeedMessage Message, AcceptanceKind Kind, FeedMessage? Previous)
{
    /// <summary>When the revision this one replaces was taken, if known: "our 01:23 post said…".</summary>
    public DateTimeOffset? PreviousAt { get; init; }
}
