using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// /gains [PARTY | REGION | all]: every change of control so far, newest first — gains, gains from and losses
/// to no overall control — the latest ten unless asked for all. A party keeps the changes it gained or lost.
/// </summary>
internal static class GainsCommand
{
    public static CommandAnswer Answer(string argument, ResultsBook book, CultureInfo culture)
    {
        if (Narrowing.Of(argument, book) is not { } narrowing)
        {
            return Narrowing.Unknown(argument, "/gains Labour, /gains Wales or /gains all");
        }

        var changes = book.Declarations
            .Where(d => d.Controller != d.Sitting && narrowing.Keeps(d.Council.Key))
            .Where(d => narrowing.Party is not { } party || d.Controller == party || d.Sitting == party)
            .Reverse()
            .ToList();
        var who = narrowing.Party is { } p ? $" involving {Parties.PartyNames.NameOf(p)}" : "";
        var where = narrowing.Place is { } place ? $" in {place}" : "";
        if (changes.Count == 0)
        {
            return new CommandAnswer($"No council has changed hands{who}{where} yet.");
        }

        var heading = changes.Count == 1
            ? $"1 council has changed hands{who}{where}:"
            : $"{Numbers.Count(changes.Count, culture)} councils have changed hands{who}{where}, newest first:";
        var shown = narrowing.All || narrowing.Party is not null || narrowing.Place is not null ? changes : [.. changes.Take(DeclaredCommand.Latest)];
        var more = shown.Count < changes.Count ? [$"(the latest {Numbers.Count(shown.Count, culture)}: /gains all for every one)"] : Array.Empty<string>();
        return new CommandAnswer(string.Join("\n", [heading, .. shown.Select(Headlines.For), .. more]));
    }
}
