using System.Globalization;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// The scoreboard as the BBC shows it, in text for a monospace block: councils and councillors by
/// party with their changes, biggest first, then no overall control, then notes on what changes are against.
/// </summary>
public static class ScoreboardText
{
    private static readonly string[] Header = ["Party", "Councils", "+/-", "Councillors", "+/-"];

    public static string Format(Scoreboard board, CultureInfo culture)
    {
        var progress = Progress(board, culture);
        if (board.Declared == 0)
        {
            return string.Join("\n", [$"Scoreboard: {progress}. Nothing to count yet.", .. PaTable(board.PaState, culture)]);
        }

        var rows = new List<string[]> { Header };
        rows.AddRange(board.Parties.Select(p => new[]
        {
            PartyNames.NameOf(p.Party),
            Numbers.Count(p.Councils, culture),
            Numbers.Signed(p.CouncilsChange, culture),
            Numbers.Count(p.Councillors, culture),
            Numbers.Signed(p.CouncillorsChange, culture),
        }));
        var noc = board.NoOverallControl;
        rows.Add(["No overall control", Numbers.Count(noc.Councils, culture), Numbers.Signed(noc.CouncilsChange, culture), "", ""]);

        var lines = new List<string> { $"Scoreboard: {progress}" };
        lines.AddRange(Table(rows));
        lines.AddRange(Footnotes(board.ChangeBases));
        lines.AddRange(PaTable(board.PaState, culture));
        return string.Join("\n", lines);
    }

    /// <summary>PA's state of the parties as PA sends it, so a reporter can quote the agency's own figures.</summary>
    private static IEnumerable<string> PaTable(StateOfParties? state, CultureInfo culture)
    {
        if (state is null)
        {
            return [];
        }

        string[] header = ["Party", "Councils", "+/-", "Seats", "+/-"];
        var rows = new List<string[]> { header };
        rows.AddRange(state.Parties
            .OrderBy(p => p.Party.IsNoOverallControl)
            .ThenByDescending(p => p.Councils)
            .ThenByDescending(p => p.SeatsWon)
            .Select(p => p.Party.IsNoOverallControl
                ? ["No overall control", Numbers.Count(p.Councils, culture), Numbers.Signed(p.ChangeInControl, culture), "", ""]
                : new[] { PartyNames.NameOf(p.Party), Numbers.Count(p.Councils, culture), Numbers.Signed(p.ChangeInControl, culture), Numbers.Count(p.SeatsWon, culture), Numbers.Signed(p.NetChangeInSeats, culture) }));
        return [$"PA state of the parties after {Numbers.Count(state.NumberOfResults, culture)} of {Numbers.Count(state.TotalNumberOfCouncils, culture)} results:", .. Table(rows)];
    }

    private static string Progress(Scoreboard board, CultureInfo culture)
    {
        var declared = Numbers.Count(board.Declared, culture);
        return board.Expected switch
        {
            { } expected => $"{declared} of {Numbers.Count(expected, culture)} councils declared",
            _ when board.Declared == 1 => "1 council declared",
            _ => $"{declared} councils declared",
        };
    }

    /// <summary>The party column left-aligned, the numbers right-aligned under their headings, two spaces between.</summary>
    private static IEnumerable<string> Table(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(row => string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
    }

    /// <summary>What councillor changes are measured against, when it is not the usual seats last fought.</summary>
    internal static IEnumerable<string> Footnotes(IReadOnlySet<ChangeBasis> bases)
    {
        if (bases.Contains(ChangeBasis.CouncilBeforePoll))
        {
            yield return "Councillor changes in this feed are against each council before the poll.";
        }

        if (bases.Contains(ChangeBasis.Notional))
        {
            yield return "Where boundaries changed, councillor changes are against notional results.";
        }
    }
}
