using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// A ward's or a by-election's result as a post: "Ecclesall (Sheffield): Lib Dem hold", then each
/// candidate's votes and share. Hold or gain is measured against the last result for the same seat in
/// the book (Democracy Club does not say who held it); with none, the headline says who won.
/// </summary>
public sealed class WardPostComposer(CultureInfo culture, string sourceName = "Democracy Club")
{
    public Post Compose(WardResult result, ResultsBook book, DateTimeOffset? receivedAt = null) =>
        Finish(new Post(PostKind.Declaration, result.Key, Headline(result, book), [.. Lines(result, book).Select(PostSection.Plain)]), result, book, receivedAt);

    /// <summary>A later revision of a posted result, posted in full and marked.</summary>
    public Post ComposeCorrection(WardResult result, ResultsBook book, DateTimeOffset? receivedAt = null) =>
        Finish(new Post(PostKind.Correction, result.Key, "Correction: " + Headline(result, book), [.. Lines(result, book).Select(PostSection.Plain)]), result, book, receivedAt);

    public static string Headline(WardResult result, ResultsBook book)
    {
        var title = result.IsByElection ? result.Title + " by-election" : result.Title;
        return $"{title}: {Call(result, book.PreviousResult(result))}";
    }

    /// <summary>One line per candidate, most votes first, then majority and turnout.</summary>
    public IReadOnlyList<string> Lines(WardResult result, ResultsBook book)
    {
        var previous = book.PreviousResult(result);
        var total = result.TotalVotes;
        var lines = result.Candidates.OrderByDescending(c => c.Votes)
            .Select(c => $"{c.Name} ({WardParties.ShortNameOf(c)}) {Numbers.Count(c.Votes, culture)}{Share(c, total, result, previous)}{(c.Elected ? ", elected" : "")}")
            .ToList();
        var ranked = result.Candidates.OrderByDescending(c => c.Votes).ToList();
        if (result.Winners.Count() == 1 && ranked.Count > 1)
        {
            lines.Add($"Majority {Numbers.Count(ranked[0].Votes - ranked[1].Votes, culture)}.");
        }

        if (result.Turnout is { } turnout)
        {
            var percent = result.TurnoutPercent is { } p ? $" ({p.ToString("0.0", culture)}%)" : "";
            lines.Add($"Turnout {Numbers.Count(turnout, culture)}{percent}.");
        }

        if (previous is null && result.IsByElection)
        {
            lines.Add("No earlier result for this seat to compare with.");
        }

        return lines;
    }

    private static string Call(WardResult result, WardResult? previous)
    {
        var winners = result.Winners.Select(WardParties.CodeOf).ToList();
        if (winners.Count == 0)
        {
            return "result (no winner marked yet)";
        }

        var parties = winners.GroupBy(p => p).OrderByDescending(g => g.Count()).ToList();
        if (parties.Count > 1)
        {
            return string.Join(", ", parties.Select(g => $"{WardParties.ShortName(g.Key)} {g.Count()}")) + " elected";
        }

        var winner = parties[0].Key;
        var held = previous is null ? (PartyCode?)null : MainParty(previous);
        return held switch
        {
            null => WardParties.ShortName(winner) + " win",
            var before when before == winner => WardParties.ShortName(winner) + " hold",
            var before => $"{WardParties.ShortName(winner)} gain from {WardParties.ShortName(before.Value)}",
        };
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
        var delta = Math.Round(now - then, 1);
        return ", " + (delta > 0 ? "+" : delta < 0 ? "-" : "±") + Math.Abs(delta).ToString("0.0", culture);
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
