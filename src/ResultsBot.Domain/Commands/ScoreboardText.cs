using System.Globalization;
using ResultsBot.Domain.Book;
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
            return string.Join("\n", [$"{Title(board)}: {progress}. Nothing to count yet.", .. PaTable(board.PaState, board.Declared, culture)]);
        }

        var withChanges = board.Coverage.CouncilsWithChanges > 0;
        var rows = new List<string[]> { withChanges ? Header : Header[..^1] };
        rows.AddRange(board.Parties.Select(p => new[]
        {
            PartyNames.NameOf(p.Party),
            Numbers.Count(p.Councils, culture),
            Numbers.Signed(p.CouncilsChange, culture),
            Numbers.Count(p.Councillors, culture),
            p.CouncillorsChange is { } change ? Numbers.Signed(change, culture) : "",
        }[..rows[0].Length]));
        var noc = board.NoOverallControl;
        rows.Add(new[] { "No overall control", Numbers.Count(noc.Councils, culture), Numbers.Signed(noc.CouncilsChange, culture), "", "" }[..rows[0].Length]);

        var lines = new List<string> { $"{Title(board)}: {progress}" };
        lines.AddRange(Table(rows));
        lines.AddRange(Footnotes(board, culture));
        lines.AddRange(PaTable(board.PaState, board.Declared, culture));
        return string.Join("\n", lines);
    }

    /// <summary>
    /// PA's state of the parties as PA sends it, so a reporter can quote the agency's own figures — only when it
    /// counts more results than the board above, and said to be PA's, so there are never two unexplained boards.
    /// </summary>
    private static IEnumerable<string> PaTable(StateOfParties? state, int declared, CultureInfo culture)
    {
        if (state is null || state.NumberOfResults <= declared)
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
        var ours = declared == 0 ? "before any result has reached us" : $"more than the {Numbers.Count(declared, culture)} above";
        return [$"PA's own state of the parties counts {Numbers.Count(state.NumberOfResults, culture)} of {Numbers.Count(state.TotalNumberOfCouncils, culture)} results, {ours}; its figures (seats won and net change):", .. Table(rows)];
    }

    private static string Title(Scoreboard board) => board.Place is { } place ? $"Scoreboard, {place}" : "Scoreboard";

    /// <summary>
    /// "Wales, 22 of 22 councils declared: Labour 8 councils, 520 councillors elected; …": one line a nation, for a
    /// night that spans more than one, so England, Scotland and Wales are seen apart as well as together.
    /// </summary>
    public static IEnumerable<string> ByNation(ResultsBook book, CultureInfo culture)
    {
        var nations = Councils.Regions.Nations
            .Where(n => book.Declarations.Any(d => Councils.Regions.NationOf(d.Council.Key) == n))
            .ToList();
        if (nations.Count < 2)
        {
            yield break;
        }

        yield return "By nation:";
        foreach (var nation in nations)
        {
            var board = Scoreboard.From(book, nation);
            var parties = board.Parties.Where(p => p.Councils > 0 || p.Councillors > 0).Take(4).Select(p =>
                $"{PartyNames.NameOf(p.Party)} {Plural(p.Councils, "council", culture)}, {Numbers.Count(p.Councillors, culture)} councillors" +
                (p.CouncillorsChange is { } change ? $" ({Numbers.Signed(change, culture)})" : ""));
            var noc = board.NoOverallControl.Councils > 0 ? [$"no overall control {Numbers.Count(board.NoOverallControl.Councils, culture)}"] : Array.Empty<string>();
            yield return $"{nation}, {Progress(board, culture)}: {string.Join("; ", parties.Concat(noc))}.";
        }

        yield return "/scoreboard Wales (or any nation or region) gives the full table for it.";
    }

    private static string Plural(int count, string noun, CultureInfo culture) => count == 1 ? $"1 {noun}" : $"{Numbers.Count(count, culture)} {noun}s";

    private static string Progress(Scoreboard board, CultureInfo culture) => Text.Progress.Councils(board.Declared, board.Expected, culture);

    /// <summary>The party column left-aligned, the numbers right-aligned under their headings, two spaces between.</summary>
    private static IEnumerable<string> Table(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(row => string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
    }

    /// <summary>What the councillor figures are and how far they reach, so no total is quoted on an unstated basis.</summary>
    internal static IEnumerable<string> Footnotes(Scoreboard board, CultureInfo culture)
    {
        var coverage = board.Coverage;
        var declared = board.Declared;
        var notional = coverage.AnyNotional ? " (notional results on new boundaries)" : "";
        if (coverage.CouncilsWithChanges == 0)
        {
            yield return "Councillors are seats won tonight. No result so far gives a like-for-like change, so none is shown.";
        }
        else if (coverage.CouncilsWithChanges == declared && coverage.CouncilsWithPartialChanges == 0)
        {
            yield return $"Councillors are seats won tonight; +/- is the net change since the same seats were last fought{notional}.";
        }
        else
        {
            var some = coverage.CouncilsWithPartialChanges > 0
                ? $" ({Numbers.Count(coverage.CouncilsWithPartialChanges, culture)} of them for some parties only)"
                : "";
            yield return $"Councillors are seats won tonight; +/- is the net change since the same seats were last fought{notional}, " +
                $"on the {Numbers.Count(coverage.CouncilsWithChanges, culture)} of {Numbers.Count(declared, culture)} councils that give it{some}: a total for those councils, not a national change.";
        }

        if (coverage.CouncilsWithoutSeatsWon > 0)
        {
            var councils = coverage.CouncilsWithoutSeatsWon == 1 ? "1 council" : $"{Numbers.Count(coverage.CouncilsWithoutSeatsWon, culture)} councils";
            yield return $"Councillors leave out {councils} whose seats won were not given.";
        }
    }
}
