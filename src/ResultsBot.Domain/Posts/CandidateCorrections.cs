using System.Globalization;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// Corrections of candidate elections, in words a reader can follow: what our earlier post said and
/// when it went out, what is right now, and the figures that show it — "Correction — Hackney mayor: our
/// 01:23 post said Labour hold; Greens gain from Labour. Zoë Garbett (Green) 40.1%, Caroline Woodley
/// (Labour) 38.2%."
/// </summary>
internal sealed class CandidateCorrections(CultureInfo culture)
{
    /// <param name="verb">"said" for a call, "gave" for figures.</param>
    public string Headline(Contest contest, DateTimeOffset? earlierAt, string said, string now, string verb = "said") =>
        $"Correction — {CandidateHeadlines.Office(contest)}: {EarlierPost.Named(earlierAt, culture)} {verb} {said}; {now}";

    /// <summary>The headline of a correction that changes the call: what our post said, what is right now.</summary>
    public string CallChanged(Contest contest, DateTimeOffset? earlierAt, CandidateCall was, CandidateCall now)
    {
        var (said, right) = (Said(was, null), Now(now, was));
        if (said == right && was.Person is { } before && now.Person is { } after)
        {
            // The same party's call with another person elected: name them, or the two halves would read alike.
            (said, right) = (CandidateHeadlines.Person(before, was), CandidateHeadlines.Person(after, now));
        }

        return Headline(contest, earlierAt, said, right);
    }

    /// <summary>What the corrected post said: the call, or that PA's call went against its own figures.</summary>
    public string Said(CandidateCall call, int? majority) =>
        call.Contradicted ? $"PA called {CandidateHeadlines.Call(call.Party, call.Sitting)} against its own figures" : CandidateHeadlines.Call(call.Party, call.Sitting) + By(majority);

    /// <summary>What is right now; when the earlier call went against the figures and this one agrees, it says so.</summary>
    public string Now(CandidateCall call, CandidateCall earlier, int? majority = null)
    {
        var words = CandidateHeadlines.Call(call.Party, call.Sitting);
        if (call.Contradicted)
        {
            return $"PA now calls {words} but the figures show {Shown(call)} — awaiting confirmation";
        }

        return words + By(majority) + (earlier.Contradicted ? ", now agreeing with the figures" : "");
    }

    /// <summary>The two leading candidates in plain figures: "Zoë Garbett (Green) 40.1%, Caroline Woodley (Labour) 38.2%."</summary>
    public string Figures(CandidateResult result)
    {
        var shares = CandidatePostComposer.SharesHold(result.Candidates.Select(c => c.Share));
        var top = result.Candidates.Where(c => c.Votes is not null).OrderByDescending(c => c.Votes).Take(2)
            .Select(c => $"{c.Name} ({CandidateHeadlines.Label(c)}) " + (shares && c.Share is { } share ? TurnoutText.Percent(share, culture) : Numbers.Count(c.Votes.GetValueOrDefault(), culture) + " votes"))
            .ToList();
        return top.Count == 0 ? "Votes not given yet." : string.Join(", ", top) + ".";
    }

    public Post Result(CandidateResult previous, CandidateResult current, DateTimeOffset? earlierAt)
    {
        var was = CandidateCall.Of(previous);
        var now = CandidateCall.Of(current);
        var sameCall = was.Party == now.Party && was.Sitting == now.Sitting && was.Person?.Name == now.Person?.Name && !was.Contradicted && !now.Contradicted;
        string headline;
        string figures;
        if (sameCall && was.Majority != now.Majority && was.Majority is not null && now.Majority is not null)
        {
            headline = Headline(current.Contest, earlierAt, Said(was, was.Majority), Now(now, was, now.Majority));
            figures = Figures(current);
        }
        else if (sameCall)
        {
            headline = Headline(current.Contest, earlierAt, "other figures", "the call stands: " + CandidateHeadlines.Call(now.Party, now.Sitting), "gave");
            figures = Changes(previous, current);
        }
        else
        {
            headline = CallChanged(current.Contest, earlierAt, was, now);
            figures = Figures(current);
        }

        return new Post(PostKind.Correction, current.Contest.Key, headline, [PostSection.Plain(figures)]);
    }

    public Post List(ListResult previous, ListResult current, DateTimeOffset? earlierAt)
    {
        var before = CandidatePostComposer.ListSeats(previous);
        var after = CandidatePostComposer.ListSeats(current);
        var headline = before == after
            ? Headline(current.Contest, earlierAt, "other vote figures", "the members elected stand: " + after, "gave")
            : Headline(current.Contest, earlierAt, before, after);
        var changes = current.Parties
            .Select(p => (Party: p, Before: previous.Parties.FirstOrDefault(b => b.Party == p.Party)))
            .Where(x => x.Before is null || x.Before.Votes != x.Party.Votes)
            .Select(x => $"{CandidatePostComposer.PartyName(x.Party)} {Numbers.Count(x.Party.Votes, culture)}" + (x.Before is { } b ? $" (was {Numbers.Count(b.Votes, culture)})" : ""))
            .Concat(TurnoutChange(previous.Turnout, current.Turnout, previous.TurnoutPercent, current.TurnoutPercent))
            .ToList();
        return new Post(PostKind.Correction, current.Contest.Key, headline, changes.Count == 0 ? [] : [PostSection.Plain(Sentences.Capitalised(string.Join("; ", changes) + "."))]);
    }

    /// <summary>What moved when the call did not: each candidate's votes that changed, and the turnout.</summary>
    private string Changes(CandidateResult previous, CandidateResult current)
    {
        var changes = current.Candidates
            .Select(c => (Now: c, Before: previous.Candidates.FirstOrDefault(p => p.Name == c.Name)))
            .Where(x => x.Now.Votes is not null && x.Before?.Votes != x.Now.Votes)
            .Select(x => $"{x.Now.Name} ({CandidateHeadlines.Label(x.Now)}) {Numbers.Count(x.Now.Votes.GetValueOrDefault(), culture)}" + (x.Before?.Votes is { } b ? $" (was {Numbers.Count(b, culture)})" : ""))
            .Concat(TurnoutChange(previous.Turnout, current.Turnout, previous.TurnoutPercent, current.TurnoutPercent))
            .ToList();
        return changes.Count == 0 ? Figures(current) : Sentences.Capitalised(string.Join("; ", changes) + ".");
    }

    private IEnumerable<string> TurnoutChange(int? before, int? after, decimal? percentBefore, decimal? percentAfter)
    {
        if (before is { } b && after is { } a && a != b)
        {
            yield return $"turnout {Numbers.Count(a, culture)} ballots (was {Numbers.Count(b, culture)})";
        }
        else if (percentBefore is { } pb && percentAfter is { } pa && pa != pb && pa is >= 0 and <= 100 && pb is >= 0 and <= 100)
        {
            yield return $"turnout {TurnoutText.Percent(pa, culture)} (was {TurnoutText.Percent(pb, culture)})";
        }
    }

    private static string Shown(CandidateCall call) => call.Leader is { } leader
        ? CandidateHeadlines.Plural(leader) + " ahead"
        : Commands.Lists.And([.. call.Level.Select(c => c.Name)]) + " level";

    private string By(int? majority) => majority is { } m ? $" by {Numbers.Count(m, culture)} {(m == 1 ? "vote" : "votes")}" : "";
}
