using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Contests;
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

        // Councils, mayoralties and police areas that changed hands, newest first by when each was taken.
        var councils = book.Declarations
            .Where(d => d.Controller != d.Sitting && narrowing.Keeps(d.Council.Key))
            .Where(d => narrowing.Party is not { } party || d.Controller == party || d.Sitting == party)
            .Select(d => (At: book.AcceptedAt(d.Key), Order: book.DeclarationNumber(d), Headline: Headlines.For(d)));
        var contests = narrowing.Place is not null ? [] : new[] { ContestKind.Mayor, ContestKind.PoliceCommissioner }
            .SelectMany(kind => NightContests.Calls(book, kind))
            .Where(c => c.ChangedHands && (narrowing.Party is not { } party || c.Winner == party || c.Sitting == party))
            .Select((c, i) => (At: book.AcceptedAt(c.Key), Order: 100_000 + i, Headline: $"{CandidateHeadlines.Office(c.Contest)}: {CandidateHeadlines.Call(c.Winner, c.Sitting)}"));
        var changes = councils.Concat(contests)
            .OrderByDescending(c => c.At ?? DateTimeOffset.MinValue).ThenByDescending(c => c.Order)
            .Select(c => c.Headline)
            .ToList();
        var who = narrowing.Party is { } p ? $" involving {Parties.PartyNames.NameOf(p)}" : "";
        var where = narrowing.Place is { } place ? $" in {place}" : "";
        if (changes.Count == 0)
        {
            return new CommandAnswer($"Nothing has changed hands{who}{where} yet.");
        }

        var heading = changes.Count == 1
            ? $"1 change of control{who}{where}:"
            : $"{Numbers.Count(changes.Count, culture)} changes of control{who}{where}, newest first:";
        var shown = narrowing.All || narrowing.Party is not null || narrowing.Place is not null ? changes : [.. changes.Take(DeclaredCommand.Latest)];
        var more = shown.Count < changes.Count ? [$"(the latest {Numbers.Count(shown.Count, culture)}: /gains all for every one)"] : Array.Empty<string>();
        return new CommandAnswer(string.Join("\n", [heading, .. shown, .. more]));
    }
}
