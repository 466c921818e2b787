using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// A ward's or a by-election's result as a post: "Ecclesall (Sheffield): Liberal Democrats hold", then
/// each candidate's votes and share. Hold or gain is measured against the last result for the same seat
/// in the book (Democracy Club does not say who held it); with none, the headline says who won.
/// </summary>
public sealed class WardPostComposer(CultureInfo culture, string sourceName = "Democracy Club")
{
    public Post Compose(WardResult result, ResultsBook book, DateTimeOffset? receivedAt = null) =>
        Finish(new Post(PostKind.Declaration, result.Key, Headline(result, book), [.. Lines(result, book).Select(PostSection.Plain)]), result, book, receivedAt);

    /// <summary>
    /// A later revision of a posted result: what our earlier post said and when, what is right now and the
    /// figures that show it, then the result in full.
    /// </summary>
    /// <param name="previousAt">When the corrected result was received; null says "our earlier post".</param>
    public Post ComposeCorrection(WardResult previous, WardResult result, ResultsBook book, DateTimeOffset? receivedAt = null, DateTimeOffset? previousAt = null)
    {
        var before = Call(previous, book.PreviousResult(previous));
        var now = Call(result, book.PreviousResult(result));
        var said = before == now ? $"gave other figures; the call stands: {now}" : $"said {before}; {now}";
        var headline = $"Correction — {Title(result)}: {EarlierPost.Named(previousAt, culture)} {said}";
        return Finish(new Post(PostKind.Correction, result.Key, headline, [PostSection.Plain(Changes(previous, result)), .. Lines(result, book).Select(PostSection.Plain)]), result, book, receivedAt);
    }

    /// <summary>
    /// "Ecclesall (Sheffield): Liberal Democrats hold"; when a candidate marked elected has fewer votes than
    /// one who is not, the result is posted as what it is, awaiting confirmation.
    /// </summary>
    public static string Headline(WardResult result, ResultsBook book)
    {
        var call = Call(result, book.PreviousResult(result));
        return OutpolledBy(result) is { } ahead
            ? $"{Title(result)}: declared {call}; the figures show {ahead.Name} ({WardParties.LabelOf(ahead)}) ahead of a winner — awaiting confirmation"
            : $"{Title(result)}: {call}";
    }

    /// <summary>The candidate not marked elected with the most votes, when they out-polled someone who was; else null.</summary>
    private static WardCandidate? OutpolledBy(WardResult result)
    {
        var winners = result.Winners.ToList();
        var best = result.Candidates.Where(c => !c.Elected).MaxBy(c => c.Votes);
        return winners.Count > 0 && best is not null && best.Votes > winners.Min(w => w.Votes) ? best : null;
    }

    /// <summary>One line per candidate, most votes first, then majority and turnout.</summary>
    public IReadOnlyList<string> Lines(WardResult result, ResultsBook book)
    {
        var previous = book.PreviousResult(result);
        var total = result.TotalVotes;
        var lines = result.Candidates.OrderByDescending(c => c.Votes)
            .Select(c => $"{c.Name} ({WardParties.LabelOf(c)}) {Numbers.Count(c.Votes, culture)}{Share(c, total, result, previous)}{(c.Elected ? ", elected" : "")}")
            .ToList();
        var ranked = result.Candidates.OrderByDescending(c => c.Votes).ToList();
        if (result.Winners.Count() == 1 && ranked.Count > 1 && OutpolledBy(result) is null)
        {
            lines.Add($"Majority {Numbers.Count(ranked[0].Votes - ranked[1].Votes, culture)}.");
        }

        if (Turnout(result) is { } turnout)
        {
            lines.Add(turnout);
        }

        if (previous is null && result.IsByElection)
        {
            lines.Add("No earlier result for this seat to compare with.");
        }

        return lines;
    }

    private static string Title(WardResult result) => result.IsByElection ? result.Title + " by-election" : result.Title;

    // Democracy Club gives ballots and a percentage of an electorate it does not give: both are printed on
    // that one basis, unless the percentage is impossible.
    private string? Turnout(WardResult result) => (result.Turnout, result.TurnoutPercent) switch
    {
        ({ } ballots, >= 0 and <= 100 and var p) => $"Turnout {TurnoutText.Percent(p, culture)} ({Numbers.Count(ballots, culture)} ballots).",
        ({ } ballots, _) => $"Turnout: {Numbers.Count(ballots, culture)} ballots.",
        (null, >= 0 and <= 100 and var p) => $"Turnout {TurnoutText.Percent(p, culture)}.",
        _ => null,
    };

    private static string Call(WardResult result, WardResult? previous)
    {
        var winners = result.Winners.Select(WardParties.CodeOf).ToList();
        if (winners.Count == 0)
        {
            return "no winner declared yet";
        }

        var parties = winners.GroupBy(p => p).OrderByDescending(g => g.Count()).ToList();
        if (parties.Count > 1)
        {
            return string.Join(", ", parties.Select(g => $"{WardParties.SentenceName(g.Key)} {g.Count()}")) + " elected";
        }

        var winner = parties[0].Key;
        var held = previous is null ? (PartyCode?)null : MainParty(previous);
        return held switch
        {
            null => WardParties.SentenceName(winner) + " win",
            var before when before == winner => WardParties.SentenceName(winner) + " hold",
            var before => $"{WardParties.SentenceName(winner)} gain from {WardParties.SentenceName(before.Value)}",
        };
    }

    /// <summary>What moved, in plain figures: each candidate whose votes changed, and the turnout.</summary>
    private string Changes(WardResult previous, WardResult result)
    {
        var changes = result.Candidates.OrderByDescending(c => c.Votes)
            .Select(c => (Now: c, Before: previous.Candidates.FirstOrDefault(p => p.Name == c.Name)))
            .Where(x => x.Before is null || x.Before.Votes != x.Now.Votes || x.Before.Elected != x.Now.Elected)
            .Select(x => $"{x.Now.Name} ({WardParties.LabelOf(x.Now)}) {Numbers.Count(x.Now.Votes, culture)}"
                + (x.Before is { } b && b.Votes != x.Now.Votes ? $" (was {Numbers.Count(b.Votes, culture)})" : "")
                + (x.Before is { } e && e.Elected != x.Now.Elected ? (x.Now.Elected ? ", now elected" : ", no longer elected") : ""))
            .ToList();
        if (previous.Turnout is { } was && result.Turnout is { } now && was != now)
        {
            changes.Add($"turnout {Numbers.Count(now, culture)} ballots (was {Numbers.Count(was, culture)})");
        }

        return changes.Count == 0 ? "The figures are unchanged." : Sentences.Capitalised(string.Join("; ", changes) + ".");
    }

    /// <summary>The party that won most seats last time, the top-polling winner breaking a tie.</summary>
    private static PartyCode? MainParty(WardResult result) =>
        result.Winners.Select(WardParties.CodeOf).GroupBy(p => p).OrderByDescending(g => g.Count()).Select(g => (PartyCode?)g.Key).FirstOrDefault();

    private string Share(WardCandidate candidate, int total, WardResult result, WardResult? previous)
    {
        if (total == 0)
        {
            return "";
        }

        var share = Percent(candidate.Votes, total);
        var change = previous is null ? "" : Change(candidate, result, previous);
        return $" ({share.ToString("0.0", culture)}%{change})";
    }

    // Shares are by party: a party's change is its share now against its share last time. Several
    // candidates of one party (a multi-member ward) are compared by their party's average.
    private string Change(WardCandidate candidate, WardResult result, WardResult previous)
    {
        var party = WardParties.CodeOf(candidate);
        var before = previous.Candidates.Where(c => WardParties.CodeOf(c) == party).ToList();
        if (before.Count == 0 || previous.TotalVotes == 0)
        {
            return ", new";
        }

        var now = result.Candidates.Where(c => WardParties.CodeOf(c) == party).Average(c => Percent(c.Votes, result.TotalVotes));
        var then = before.Average(c => Percent(c.Votes, previous.TotalVotes));
        return ", " + Points.Signed(now - then, culture);
    }

    private static decimal Percent(int votes, int total) => Math.Round(100m * votes / total, 1);

    private Post Finish(Post post, WardResult result, ResultsBook book, DateTimeOffset? receivedAt)
    {
        var winner = result.Winners.FirstOrDefault() is { } top ? WardParties.CodeOf(top) : (PartyCode?)null;
        var previous = book.PreviousResult(result);
        var heldBefore = previous?.Winners.FirstOrDefault() is { } was ? WardParties.CodeOf(was) : (PartyCode?)null;
        var parties = result.Winners.Select(c => WardParties.CodeOf(c).Value).Concat(heldBefore is { } h ? [h.Value] : []).ToHashSet(StringComparer.Ordinal);
        var place = result.Organisation ?? result.Area;
        var time = receivedAt is { } at ? " · " + UkTime.Format(at, culture) : "";
        return post with
        {
            Colour = winner is { } w ? PartyColours.Of(w) : PartyColours.Unknown,
            Footer = sourceName + time,
            Topic = new PostTopic(CouncilKey.For(place), place, result.IsByElection ? "by-election" : "ward", parties, heldBefore is { } b && winner is { } n && b != n),
        };
    }
}
