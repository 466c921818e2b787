using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// /ward NAME: a ward's (or by-election's) latest result. "Ecclesall", "Ecclesall Sheffield" and
/// "Ecclesall (Sheffield)" all work; a ward name two councils share lists both to choose from.
/// </summary>
public sealed class WardCommand(CultureInfo culture)
{
    private readonly WardPostComposer _composer = new(culture);

    public CommandAnswer Answer(string argument, ResultsBook book)
    {
        var wards = book.WardResults();
        if (argument.Length == 0)
        {
            return CommandAnswer.Problem("Which ward? e.g. /ward Ecclesall, or /ward Ecclesall Sheffield when two councils have one.");
        }

        if (wards.Count == 0)
        {
            return CommandAnswer.Problem("No ward results have come in yet.");
        }

        // The latest result for each seat, found by its ward name alone or with its council.
        var latest = wards.GroupBy(w => w.Seat).Select(g => g.MaxBy(w => w.Date)!).ToList();
        var query = CouncilKey.For(argument);
        var byArea = latest.Where(w => CouncilKey.For(w.Area) == query).ToList();
        if (byArea.Count == 1)
        {
            return Result(byArea[0], book);
        }

        if (byArea.Count > 1)
        {
            return CommandAnswer.Problem("Which one? " + Lists.Or([.. byArea.Select(w => w.Title).Order(StringComparer.Ordinal)]));
        }

        var titles = latest.GroupBy(w => CouncilKey.For(w.Title)).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        var match = CouncilFinder.Find(argument, titles);
        return match switch
        {
            { Key: { } key, Ambiguous: false } => Result(latest.First(w => CouncilKey.For(w.Title) == key), book),
            { Ambiguous: true, Candidates: var candidates } => CommandAnswer.Problem("Which one? " + Lists.Or([.. candidates.Select(k => titles[k])])),
            { Candidates: [_, ..] candidates } => CommandAnswer.Problem($"I have no ward result for \"{SafeText.Echo(argument)}\". Did you mean {Lists.Or([.. candidates.Select(k => titles[k])])}?"),
            _ => CommandAnswer.Problem($"I have no ward result for \"{SafeText.Echo(argument)}\"."),
        };
    }

    private CommandAnswer Result(WardResult result, ResultsBook book) =>
        new(WardPostComposer.Headline(result, book) + "\n" + string.Join("\n", _composer.Lines(result, book)));
}
