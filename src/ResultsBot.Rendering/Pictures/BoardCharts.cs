using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Text;
using ResultsBot.Rendering.Charts;

namespace ResultsBot.Rendering.Pictures;

/// <summary>The board as charts: councillors elected with their net change (on the stated basis), and a candidate election's shares.</summary>
public static class BoardCharts
{
    /// <summary>Net change in councillors elected by party, summed over the councils that give it (the note says how many).</summary>
    public static BarPicture CouncillorChange(ResultsBook book, string source, DateTimeOffset at, CultureInfo culture)
    {
        var board = Scoreboard.From(book);
        var bars = board.Parties.Where(p => p.CouncillorsChange is not null && (p.Councillors > 0 || p.CouncillorsChange != 0))
            .OrderByDescending(p => p.CouncillorsChange)
            .Select(p => new Bar(PartyNames.NameOf(p.Party), PartyColours.Of(p.Party), p.CouncillorsChange!.Value, Numbers.Signed(p.CouncillorsChange.Value, culture)))
            .ToList();
        var coverage = board.Coverage;
        var note = coverage.CouncilsWithChanges == board.Declared
            ? "Net change in seats won since the same seats were last fought."
            : $"Net change in seats won since the same seats were last fought, on the {Numbers.Count(coverage.CouncilsWithChanges, culture)} of {Numbers.Count(board.Declared, culture)} councils that give it.";
        var progress = Progress.Councils(board.Declared, board.Expected, culture);
        return new BarPicture("Councillors: net change", progress, $"{source} · {UkTime.Format(at, culture)}", bars, "net change in councillors by party", note);
    }

    /// <summary>The projected national share as bars, the leader (or those level) marked, the lead in the subtitle.</summary>
    public static BarPicture Share(NationalShare share, CultureInfo culture)
    {
        var top = share.Shares.Max(s => s.Percent);
        var bars = share.Shares.OrderByDescending(s => s.Percent)
            .Select(s => new Bar(PartyNames.NameOf(s.Party), PartyColours.Of(s.Party), (double)s.Percent, s.Percent.ToString("0.#", culture) + "%", Marked: s.Percent == top))
            .ToList();
        var subtitle = NationalShareText.Lead(share, culture) is { } lead ? lead + "; the leader outlined" : "Share of the vote";
        return new BarPicture("Projected national share", subtitle, $"{share.Source} · {UkTime.Format(share.At, culture)}", bars, "each party's projected share of the vote",
            NationalShareText.ChangeBasis(share) is { } basis ? $"{NationalShareText.Figures(share, culture)}. {basis}" : null);
    }

    /// <summary>A mayoralty's or police area's candidates by share of the vote, the winner marked.</summary>
    public static BarPicture Candidates(CandidateResult result, string source, CultureInfo culture)
    {
        var bars = result.Candidates.OrderByDescending(c => c.Votes ?? 0)
            .Select(c => new Bar($"{c.Name} ({CandidateHeadlines.Label(c)})", PartyColours.Of(c.Party), (double)(c.Share ?? 0), c.Share is { } share ? share.ToString("0.0", culture) + "%" : "–", Marked: c == result.Winner))
            .ToList();
        var footer = result.DeclaredAt is { } at ? $"{source} · {UkTime.Format(at, culture)}" : source;
        return new BarPicture(CandidateHeadlines.Office(result.Contest), "Share of the vote; the winner outlined", footer, bars, "each candidate's share of the vote");
    }
}
