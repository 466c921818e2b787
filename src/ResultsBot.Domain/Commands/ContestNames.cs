using ResultsBot.Domain.Book;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// The other ways people name a mayoralty or police area: without "Greater" or "Combined Authority"
/// ("/mayor Manchester"), in short forms ("west mids"), or by a candidate's name ("/mayor Burnham").
/// </summary>
internal static class ContestNames
{
    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["mids"] = "midlands",
        ["yorks"] = "yorkshire",
        ["lpool"] = "liverpool",
    };

    private static readonly HashSet<string> AreaWords = new(StringComparer.Ordinal)
    {
        "greater", "combined", "authority", "mayoral", "mayor", "region", "city", "police", "and", "crime", "commissioner", "ca", "mca", "cca",
    };

    /// <summary>The query with short forms written out: "west mids" is "west midlands".</summary>
    public static string Spelt(string query) =>
        string.Join(' ', CouncilKey.For(query).Split(' ').Select(w => ShortForms.GetValueOrDefault(w, w)));

    /// <summary>The one contest the query names by its area's core words or a candidate's name; null when none or several.</summary>
    public static Contest? ByAreaOrCandidate(string query, IReadOnlyList<Contest> contests, ResultsBook book)
    {
        var core = Core(Spelt(query));
        if (core.Length == 0)
        {
            return null;
        }

        var byArea = contests.Where(c => Core(CouncilKey.For(c.Name)) == core).DistinctBy(c => c.Key).ToList();
        if (byArea.Count == 1)
        {
            return byArea[0];
        }

        var byCandidate = contests.Where(c => CandidatesOf(c, book).Any(name => Matches(name, core))).DistinctBy(c => c.Key).ToList();
        return byCandidate.Count == 1 ? byCandidate[0] : null;
    }

    private static string Core(string key) => string.Join(' ', key.Split(' ').Where(w => !AreaWords.Contains(w)));

    // "Andy Burnham" is found by "Burnham" or "Andy Burnham".
    private static bool Matches(string candidate, string core)
    {
        var key = CouncilKey.For(candidate);
        return key == core || key.Split(' ')[^1] == core;
    }

    private static IEnumerable<string> CandidatesOf(Contest contest, ResultsBook book)
    {
        var result = book.Latest(CandidateResult.ResultKeyFor(contest)) as CandidateResult;
        var rush = book.Latest(CandidateRush.RushKeyFor(contest)) as CandidateRush;
        var nominations = book.Latest("nominations/" + contest.Key) as CandidateNominations;
        return (result?.Candidates ?? []).Concat(nominations?.Candidates ?? []).Concat(rush?.Winner is { } winner ? [winner] : [])
            .Select(c => c.Name);
    }
}
