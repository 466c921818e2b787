using System.Globalization;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>The scoreboard as lines of text, one party a line, biggest first.</summary>
public static class ScoreboardText
{
    public static string Format(Scoreboard board, CultureInfo culture)
    {
        var progress = board.Expected is { } expected
            ? $"{Numbers.Count(board.Declared, culture)} of {Numbers.Count(expected, culture)} councils declared"
            : $"{Numbers.Count(board.Declared, culture)} councils declared";
        if (board.Declared == 0)
        {
            return $"Scoreboard: {progress}. Nothing to count yet.";
        }

        var lines = new List<string> { $"Scoreboard: {progress}" };
        lines.AddRange(board.Parties.Select(p =>
            $"{PartyNames.NameOf(p.Party)}: {Councils(p.Councils, culture)} ({Numbers.Signed(p.CouncilsChange, culture)}), " +
            $"{Councillors(p.Councillors, culture)} ({Numbers.Signed(p.CouncillorsChange, culture)})"));
        var noc = board.NoOverallControl;
        lines.Add($"No overall control: {Councils(noc.Councils, culture)} ({Numbers.Signed(noc.CouncilsChange, culture)})");
        lines.AddRange(Footnotes(board.ChangeBases));
        return string.Join("\n", lines);
    }

    private static string Councils(int count, CultureInfo culture) =>
        count == 1 ? "1 council" : $"{Numbers.Count(count, culture)} councils";

    private static string Councillors(int count, CultureInfo culture) =>
        count == 1 ? "1 councillor" : $"{Numbers.Count(count, culture)} councillors";

    private static IEnumerable<string> Footnotes(IReadOnlySet<ChangeBasis> bases)
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
