using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>/gains: every change of control so far, newest first — gains, gains from and losses to no overall control.</summary>
internal static class GainsCommand
{
    public static CommandAnswer Answer(ResultsBook book, CultureInfo culture)
    {
        var changes = book.Declarations.Where(d => d.Controller != d.Sitting).Reverse().ToList();
        if (changes.Count == 0)
        {
            return new CommandAnswer("No council has changed hands yet.");
        }

        var heading = changes.Count == 1
            ? "1 council has changed hands:"
            : $"{Numbers.Count(changes.Count, culture)} councils have changed hands, newest first:";
        return new CommandAnswer(string.Join("\n", [heading, .. changes.Select(Headlines.For)]));
    }
}
