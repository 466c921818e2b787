using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// /awaiting: the councils still to declare. The feed names them through nominations, PA's state of
/// the parties or a whole replayed feed; when it gives a total but not every name, say how many are unnamed.
/// </summary>
internal static class AwaitingCommand
{
    // Who lists the night's councils, in words a reader knows: never "the feed".
    private const string PaName = "PA";

    public static CommandAnswer Answer(ResultsBook book, CultureInfo culture)
    {
        var declared = Numbers.Count(book.DeclaredCount, culture);
        if (book.ExpectedCount is not { } expected)
        {
            var sofar = book.DeclaredCount == 0 ? "None has declared yet." : $"{declared} declared so far.";
            return new CommandAnswer($"{PaName} has not said how many councils there are, so I can't tell how many are still to declare. {sofar}");
        }

        var waiting = expected - book.DeclaredCount;
        if (waiting == 0)
        {
            return new CommandAnswer($"All {Numbers.Count(expected, culture)} councils have declared.");
        }

        var comparer = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        var named = book.KnownCouncils
            .Where(c => book.DeclarationFor(c.Key) is null)
            .Select(c => c.Value)
            .Order(comparer)
            .ToList();
        var heading = $"{Numbers.Count(waiting, culture)} of {Numbers.Count(expected, culture)} councils still to declare";
        return new CommandAnswer(named.Count switch
        {
            0 => $"{heading}; {PaName} has not named them yet.",
            _ when named.Count == waiting => $"{heading}: {Lists.And(named)}.",
            _ => $"{heading}. {PaName} has named {Numbers.Count(named.Count, culture)} of them so far: {Lists.And(named)}.",
        });
    }
}
