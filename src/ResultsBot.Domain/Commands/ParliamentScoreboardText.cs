using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>The devolved parliaments' state of the parties as PA sends it: seats with gains and losses, votes and share.</summary>
public static class ParliamentScoreboardText
{
    public static IReadOnlyList<string> Format(ResultsBook book, CultureInfo culture)
    {
        var lines = new List<string>();
        foreach (var state in book.Messages.OfType<ParliamentStateOfParties>().OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var part = state.List ? "regional lists" : "constituencies";
            lines.Add($"{state.Parliament}, {part}: {Numbers.Count(state.NumberOfResults, culture)} of {Numbers.Count(state.TotalContests, culture)} declared (PA)");
            var rows = state.Parties.Where(p => p.Seats > 0 || p.Gains > 0 || p.Losses > 0).OrderByDescending(p => p.Seats).ThenByDescending(p => p.Votes)
                .Select(p => $"  {PartyNames.NameOf(p.Party),-20} {Numbers.Count(p.Seats, culture),5} {Numbers.Signed(p.NetChange, culture),4}  {p.Share.ToString("0.0", culture) + "%",6}")
                .ToList();
            lines.Add($"  {"Party",-20} {"Seats",5} {"+/-",4}  {"Share",6}");
            lines.AddRange(rows);
        }

        return lines;
    }
}
