using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>/declared: the councils declared so far, in the order they declared, each with its call.</summary>
internal static class DeclaredCommand
{
    public static CommandAnswer Answer(ResultsBook book, CultureInfo culture)
    {
        var expected = book.ExpectedCount;
        if (book.DeclaredCount == 0)
        {
            return new CommandAnswer(expected is { } count
                ? $"No council has declared yet; {Numbers.Count(count, culture)} are expected."
                : "No council has declared yet.");
        }

        var heading = expected is { } total
            ? $"{Numbers.Count(book.DeclaredCount, culture)} of {Numbers.Count(total, culture)} councils declared:"
            : book.DeclaredCount == 1 ? "1 council declared:" : $"{Numbers.Count(book.DeclaredCount, culture)} councils declared:";
        var lines = book.Declarations.Select((d, i) => $"{Numbers.Count(i + 1, culture)}. {Headlines.For(d)}");
        return new CommandAnswer(string.Join("\n", [heading, .. lines]));
    }
}
