using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Domain.Commands;

/// <summary>/referendum [AREA]: a referendum's result by where it was held; with no area, every referendum so far.</summary>
public sealed class ReferendumCommand(CultureInfo culture)
{
    private readonly ReferendumPostComposer _composer = new(culture);

    public CommandAnswer Answer(string argument, ResultsBook book)
    {
        var referendums = book.Referendums();
        if (referendums.Count == 0)
        {
            return CommandAnswer.Problem("No referendum results have come in yet.");
        }

        if (argument.Length == 0)
        {
            return new CommandAnswer(string.Join("\n", referendums.Select(_composer.Headline)));
        }

        var areas = referendums.GroupBy(r => CouncilKey.For(r.Area)).ToDictionary(g => g.Key, g => g.First().Area, StringComparer.Ordinal);
        return CouncilFinder.Find(argument, areas) switch
        {
            { Key: { } key, Ambiguous: false } => new CommandAnswer(string.Join(
                "\n\n",
                referendums.Where(r => CouncilKey.For(r.Area) == key).Select(r => _composer.Headline(r) + "\n" + string.Join("\n", _composer.Lines(r))))),
            { Ambiguous: true, Candidates: var candidates } => CommandAnswer.Problem("Which one? " + Lists.Or([.. candidates.Select(k => areas[k])])),
            _ => CommandAnswer.Problem($"I have no referendum result for \"{SafeText.Echo(argument)}\". Referendums so far: {Lists.And([.. areas.Values.Order(StringComparer.Ordinal)])}."),
        };
    }
}
