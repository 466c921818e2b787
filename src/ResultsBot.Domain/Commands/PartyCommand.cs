using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// /party NAME: a party's night — councils it controls (held and gained) and lost, councillors
/// and their net change. The totals are the scoreboard's; the councils are the ones /gains lists.
/// </summary>
internal static class PartyCommand
{
    public static CommandAnswer Answer(string query, ResultsBook book, CultureInfo culture)
    {
        if (query.Length == 0)
        {
            return CommandAnswer.Problem("Which party? For example: /party Labour");
        }

        var board = Scoreboard.From(book);
        var match = PartyFinder.Find(query, board.Parties.Select(p => p.Party));
        if (match.Party is not { } party)
        {
            var names = match.Candidates.Select(PartyNames.NameOf).ToList();
            return CommandAnswer.Problem((match.Ambiguous, names.Count) switch
            {
                (true, _) => $"Which one? {Lists.Or(names)}",
                (_, 0) => $"I don't know a party called \"{SafeText.Echo(query)}\". Try /party Labour, /party Tories or /party Lib Dems.",
                _ => $"I don't know a party called \"{SafeText.Echo(query)}\". Did you mean {Lists.Or(names)}?",
            });
        }

        var standing = board.StandingOf(party);
        var lines = Lines(standing, book, culture).ToList();
        if (lines.Count > 1)
        {
            // The councillors' changes are the scoreboard's, so they carry its notes on what they are and how far they reach.
            lines.AddRange(ScoreboardText.Footnotes(board, culture));
        }

        return new CommandAnswer(string.Join("\n", lines));
    }

    private static IEnumerable<string> Lines(PartyStanding standing, ResultsBook book, CultureInfo culture)
    {
        var party = standing.Party;
        var name = PartyNames.NameOf(party);
        var declared = book.ExpectedCount is { } expected
            ? $"{Numbers.Count(book.DeclaredCount, culture)} of {Numbers.Count(expected, culture)} councils declared"
            : book.DeclaredCount == 1 ? "1 council declared" : $"{Numbers.Count(book.DeclaredCount, culture)} councils declared";
        var held = book.Declarations.Where(d => d.Controller == party && d.Sitting == party).ToList();
        var gained = book.Declarations.Where(d => d.Controller == party && d.Sitting != party).ToList();
        var lost = book.Declarations.Where(d => d.Sitting == party && d.Controller != party).ToList();
        if (standing.IsNothingYet && lost.Count == 0)
        {
            yield return $"{name}: no councils or councillors yet ({declared}).";
            yield break;
        }

        yield return $"{name}, {declared}";
        yield return $"Councils: {Numbers.Count(standing.Councils, culture)} ({Numbers.Signed(standing.CouncilsChange, culture)}) — " +
            $"held {Numbers.Count(held.Count, culture)}, gained {Numbers.Count(gained.Count, culture)}, lost {Numbers.Count(lost.Count, culture)}";
        var change = standing.CouncillorsChange is { } c ? $" ({Numbers.Signed(c, culture)})" : "";
        yield return $"Councillors elected: {Numbers.Count(standing.Councillors, culture)}{change}";
        if (gained.Count > 0)
        {
            yield return "Gained: " + string.Join(", ", gained.Select(d => $"{d.Council.Name} from {PartyNames.NameOf(d.Sitting)}"));
        }

        if (lost.Count > 0)
        {
            yield return "Lost: " + string.Join(", ", lost.Select(d => d.Controller.IsNoOverallControl ? $"{d.Council.Name} to no overall control" : $"{d.Council.Name} to {PartyNames.NameOf(d.Controller)}"));
        }

        if (held.Count > 0)
        {
            yield return "Held: " + string.Join(", ", held.Select(d => d.Council.Name));
        }
    }
}
