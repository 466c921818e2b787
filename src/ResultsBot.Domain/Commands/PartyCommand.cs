using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Contests;
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
        if (lines.Count > 1 && book.DeclaredCount > 0)
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
        var declared = Progress.Councils(book.DeclaredCount, book.ExpectedCount, culture);
        var held = book.Declarations.Where(d => d.Controller == party && d.Sitting == party).ToList();
        var gained = book.Declarations.Where(d => d.Controller == party && d.Sitting != party).ToList();
        var lost = book.Declarations.Where(d => d.Sitting == party && d.Controller != party).ToList();
        var contests = ContestLines(party, book, culture).ToList();
        if (standing.IsNothingYet && lost.Count == 0 && book.DeclaredCount == 0 && book.ExpectedCount is null && contests.Count > 0)
        {
            // A night of mayors and commissioners only: no council line to give.
            yield return $"{name}, {string.Join(" and ", contests.Select(c => c.Label.ToLowerInvariant()))} so far:";
            foreach (var (label, text) in contests)
            {
                yield return $"{label}: {text}";
            }

            yield break;
        }

        if (standing.IsNothingYet && lost.Count == 0)
        {
            yield return $"{name}: no councils or councillors yet ({declared}).";
            foreach (var (label, text) in contests)
            {
                yield return $"{label}: {text}";
            }

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

        foreach (var (label, text) in contests)
        {
            yield return $"{label}: {text}";
        }
    }

    /// <summary>"Mayors: 2 won (+1) — West Midlands (gain from Conservatives), Hackney; lost Tees Valley": the party's mayoralties and commissioners.</summary>
    private static IEnumerable<(string Label, string Text)> ContestLines(PartyCode party, ResultsBook book, CultureInfo culture)
    {
        foreach (var kind in new[] { ContestKind.Mayor, ContestKind.PoliceCommissioner })
        {
            var calls = NightContests.Calls(book, kind);
            var won = calls.Where(c => c.Winner == party).ToList();
            var lost = calls.Where(c => c.ChangedHands && c.Sitting == party).ToList();
            if (won.Count == 0 && lost.Count == 0)
            {
                continue;
            }

            var change = won.Count(c => c.ChangedHands) - lost.Count;
            var label = kind == ContestKind.Mayor ? "Mayors" : "Police and crime commissioners";
            var names = won.Select(c => c.ChangedHands ? $"{c.Contest.Name} (gain from {PartyNames.NameOf(c.Sitting!.Value)})" : c.Contest.Name).ToList();
            var losses = lost.Count == 0 ? "" : $"; lost {Lists.And([.. lost.Select(c => $"{c.Contest.Name} to {PartyNames.NameOf(c.Winner)}")])}";
            var wins = won.Count == 0 ? "none won" : $"{Numbers.Count(won.Count, culture)} won ({Numbers.Signed(change, culture)}) — {string.Join(", ", names)}";
            yield return (label, wins + losses);
        }
    }
}
