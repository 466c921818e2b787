using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// The scoreboard's lines for mayors and police and crime commissioners: "Mayors: 3 of 11 declared — Labour 2 (+1),
/// Conservatives 1 (-1)". Each party's change is the posts it gained less those it lost.
/// </summary>
internal static class ContestsScoreboardText
{
    public static IEnumerable<string> Format(ResultsBook book, CultureInfo culture)
    {
        foreach (var kind in new[] { ContestKind.Mayor, ContestKind.PoliceCommissioner })
        {
            var calls = NightContests.Calls(book, kind);
            var expected = NightContests.Expected(book, kind);
            if (calls.Count == 0 && expected is null)
            {
                continue;
            }

            var label = kind == ContestKind.Mayor ? "Mayors" : "Police and crime commissioners";
            var progress = expected is { } all
                ? $"{Numbers.Count(calls.Count, culture)} of {Numbers.Count(all, culture)} declared"
                : $"{Numbers.Count(calls.Count, culture)} declared";
            // Every party that won a post or lost one, with the posts it holds and its gains less its losses.
            var holders = calls.Select(c => c.Winner).Concat(calls.Where(c => c.ChangedHands).Select(c => c.Sitting!.Value)).Distinct()
                .Select(party => (Party: party, Won: calls.Count(c => c.Winner == party), Change: calls.Count(c => c.ChangedHands && c.Winner == party) - calls.Count(c => c.ChangedHands && c.Sitting == party)))
                .OrderByDescending(h => h.Won).ThenBy(h => PartyNames.NameOf(h.Party), StringComparer.Ordinal)
                .Select(h => $"{PartyNames.NameOf(h.Party)} {Numbers.Count(h.Won, culture)} ({Numbers.Signed(h.Change, culture)})")
                .ToList();
            yield return holders.Count == 0 ? $"{label}: {progress}." : $"{label}: {progress} — {string.Join(", ", holders)}";
        }

        var referendums = book.Referendums().Count;
        if (referendums > 0)
        {
            yield return referendums == 1 ? "Referendums: 1 declared" : $"Referendums: {Numbers.Count(referendums, culture)} declared";
        }
    }
}
