using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Tests.Builders;

public static class Books
{
    /// <summary>The book after taking <paramref name="messages"/> in order, whatever each acceptance was.</summary>
    public static ResultsBook With(params FeedMessage[] messages) =>
        messages.Aggregate(ResultsBook.Empty, (book, message) => book.Accept(message).Book);
}
