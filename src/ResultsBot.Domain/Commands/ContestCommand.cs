using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// /mayor NAME, /pcc AREA and /seat NAME: the full result if it is in, else the call from the rush,
/// else who is standing. Names are found as councils are (case, punctuation, prefixes, typos).
/// </summary>
internal sealed class ContestCommand(CultureInfo culture)
{
    private readonly CandidatePostComposer _composer = new(culture);

    /// <summary>The names /mayor, /pcc or /seat (<paramref name="command"/>) can answer, by key: for autocomplete.</summary>
    public static IReadOnlyDictionary<string, string> NamesFor(string command, ResultsBook book) =>
        NamesOf(ContestsOf(book, KindsFor(command)));

    public CommandAnswer Answer(string command, string query, ResultsBook book)
    {
        var (noun, example) = command switch
        {
            "mayor" => ("mayoralty", "/mayor Hackney"),
            "pcc" => ("police area", "/pcc Kent"),
            _ => ("seat", "/seat Aberdeen Central"),
        };
        if (query.Length == 0)
        {
            return command == "seat"
                ? CommandAnswer.Problem($"Which {noun}? For example: {example}")
                : SoFar(KindsFor(command)[0], book);
        }

        var contests = ContestsOf(book, KindsFor(command));
        var names = NamesOf(contests);
        var match = CouncilFinder.Find(ContestNames.Spelt(query), names);
        var key = match.Key ?? (ContestNames.ByAreaOrCandidate(query, contests, book) is { } found ? CouncilKey.For(found.Name) : null);
        if (key is not null)
        {
            var named = contests.Where(c => CouncilKey.For(c.Name) == key).ToList();
            // One declared result: its candidates' shares as a chart beside the words.
            var picture = named is [var only] && book.Latest(CandidateResult.ResultKeyFor(only)) is CandidateResult declared
                ? new PictureRequest(PictureKind.Candidates, declared.Key)
                : null;
            return new CommandAnswer(string.Join("\n\n", named.Select(c => About(c, book)))) { Picture = picture };
        }

        var asked = SafeText.Echo(query);
        var suggestions = match.Candidates.Select(k => names[k]).ToList();
        return CommandAnswer.Problem((match.Ambiguous, suggestions.Count) switch
        {
            (true, _) => $"Which one? {Lists.Or(suggestions)}",
            (_, > 0) => $"No {noun} called \"{asked}\" in tonight's results. Did you mean {Lists.Or(suggestions)}?",
            _ when names.Count == 0 => $"No {noun} called \"{asked}\": tonight's results have no {(noun == "police area" ? "police and crime commissioner elections" : noun == "seat" ? "parliament seats" : "mayoral elections")}.",
            _ => $"No {noun} called \"{asked}\" in tonight's results.",
        });
    }

    /// <summary>/mayor or /pcc with no name: every result so far, newest first, with how many are expected.</summary>
    private CommandAnswer SoFar(ContestKind kind, ResultsBook book)
    {
        var calls = NightContests.Calls(book, kind);
        var expected = NightContests.Expected(book, kind);
        var noun = NightContests.Plural(kind);
        if (calls.Count == 0)
        {
            return new CommandAnswer(expected is { } count
                ? $"No {noun[..^1]} has declared yet; {Text.Numbers.Count(count, culture)} are expected."
                : $"No {noun[..^1]} has declared yet.");
        }

        var heading = expected is { } all
            ? $"{Text.Numbers.Count(calls.Count, culture)} of {Text.Numbers.Count(all, culture)} {noun} declared, newest first:"
            : $"{Text.Numbers.Count(calls.Count, culture)} {noun} declared, newest first:";
        var lines = calls.Reverse().Select(c => $"{CandidateHeadlines.Office(c.Contest)}: {CandidateHeadlines.Call(c.Winner, c.Sitting)}");
        return new CommandAnswer(string.Join("\n", [heading, .. lines]));
    }

    /// <summary>For /council: what else a name is in this feed, e.g. "a mayoralty (/mayor Hackney)"; null when nothing.</summary>
    public static string? OtherContestsCalled(string query, ResultsBook book)
    {
        var key = CouncilKey.For(query);
        var kinds = ContestsOf(book, [ContestKind.Mayor, ContestKind.PoliceCommissioner, ContestKind.Constituency, ContestKind.Region])
            .Where(c => CouncilKey.For(c.Name) == key)
            .Select(c => c.Kind)
            .Distinct()
            .ToList();
        if (kinds.Count == 0)
        {
            return null;
        }

        var name = SafeText.Echo(query);
        return Lists.And([.. kinds.Select(kind => kind switch
        {
            ContestKind.Mayor => $"a mayoralty (/mayor {name})",
            ContestKind.PoliceCommissioner => $"a police area (/pcc {name})",
            _ => $"a parliament seat (/seat {name})",
        })]);
    }

    private static ContestKind[] KindsFor(string command) => command switch
    {
        "mayor" => [ContestKind.Mayor],
        "pcc" => [ContestKind.PoliceCommissioner],
        _ => [ContestKind.Constituency, ContestKind.Region],
    };

    private static Dictionary<string, string> NamesOf(List<Contest> contests) =>
        contests.GroupBy(c => CouncilKey.For(c.Name)).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    private static List<Contest> ContestsOf(ResultsBook book, ContestKind[] kinds) =>
        [.. book.Messages
            .Select(m => m switch
            {
                CandidateResult r => r.Contest,
                CandidateRush r => r.Contest,
                CandidateNominations n => n.Contest,
                ListResult l => l.Contest,
                _ => null,
            })
            .OfType<Contest>()
            .Where(c => kinds.Contains(c.Kind))
            .DistinctBy(c => c.Key)
            .OrderBy(c => c.Name, StringComparer.Ordinal)];

    private string About(Contest contest, ResultsBook book)
    {
        var result = book.Latest(CandidateResult.ResultKeyFor(contest));
        var rush = book.Latest(CandidateRush.RushKeyFor(contest));
        var lines = (result ?? rush) switch
        {
            CandidateResult r => [_composer.Headline(r), .. _composer.ResultSections(r).Select(s => s.ToPlainText())],
            CandidateRush r => [_composer.Headline(r), .. CandidatePostComposer.CallSections(r).Select(s => s.ToPlainText())],
            ListResult l => [CandidatePostComposer.ListHeadline(l), .. (_composer.List(l, null)?.Lines ?? [])],
            _ => Nominations(contest, book),
        };
        return string.Join("\n", lines);
    }

    private static List<string> Nominations(Contest contest, ResultsBook book)
    {
        var lines = new List<string> { $"{CandidateHeadlines.Office(contest)}: not declared yet.", contest.Description + "." };
        if (book.Latest("nominations/" + contest.Key) is CandidateNominations nominations)
        {
            lines.Add("Standing: " + string.Join(", ", nominations.Candidates.Select(c => $"{c.Name} ({CandidateHeadlines.Label(c)}{(c.Sitting ? ", sitting" : "")})")));
        }

        return lines;
    }
}
