using System.Globalization;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// Posts for mayors, police and crime commissioners and parliament seats: the call from a rush at once,
/// then the full result. Every post about one contest has the contest's key as its subject, so a
/// correction (or a result that changes the call) is linked to the call already posted.
/// </summary>
public sealed class CandidatePostComposer(CultureInfo culture, string sourceName = "PA Media")
{
    public Post Call(CandidateRush rush, DateTimeOffset? receivedAt = null) =>
        Finish(new Post(PostKind.Declaration, rush.Contest.Key, Headline(rush), CallSections(rush)), rush.Contest, rush.WinningParty, rush.Sitting, rush.Gain, receivedAt);

    /// <summary>A later rush that changes the call; null when it makes the same call.</summary>
    public Post? CallCorrection(CandidateRush previous, CandidateRush current, DateTimeOffset? receivedAt = null)
    {
        if (previous.SameCallAs(current))
        {
            return null;
        }

        var summary = $"Revision {current.Revision} corrects the call: it was \"{Headline(previous)}\".";
        return Finish(
            new Post(PostKind.Correction, current.Contest.Key, "Correction: " + Headline(current), [PostSection.Plain(summary), .. CallSections(current)]),
            current.Contest,
            current.WinningParty,
            current.Sitting,
            current.Gain,
            receivedAt);
    }

    /// <summary>
    /// The full result. When a call was posted and the result calls it differently, the result is a
    /// correction of that call (platforms that can edit update it); otherwise a post of its own.
    /// </summary>
    public Post Result(CandidateResult result, CandidateRush? call, DateTimeOffset? receivedAt = null)
    {
        var headline = Headline(result);
        var post = call is not null && Headline(call) != headline
            ? new Post(PostKind.Correction, result.Contest.Key, "Correction: " + headline, [PostSection.Plain($"The full result changes the call: it was \"{Headline(call)}\"."), .. ResultSections(result)])
            : new Post(PostKind.Declaration, result.Contest.Key, headline, ResultSections(result));
        return Finish(post, result.Contest, result.WinningParty, result.Sitting, result.Gain, result.DeclaredAt ?? receivedAt);
    }

    /// <summary>A revised result that changes what was posted; null when it only repeats it.</summary>
    public Post? ResultCorrection(CandidateResult previous, CandidateResult current, DateTimeOffset? receivedAt = null)
    {
        if (previous.SameResultAs(current))
        {
            return null;
        }

        var changes = Differences(previous, current).ToList();
        var summary = changes.Count == 0
            ? $"Revision {current.Revision} revises the votes."
            : $"Revision {current.Revision} corrects the earlier result: {string.Join("; ", changes)}.";
        return Finish(
            new Post(PostKind.Correction, current.Contest.Key, "Correction: " + Headline(current), [PostSection.Plain(summary), .. ResultSections(current)]),
            current.Contest,
            current.WinningParty,
            current.Sitting,
            current.Gain,
            current.DeclaredAt ?? receivedAt);
    }

    /// <summary>A region's list members (a rush) or its full result; <paramref name="previous"/> makes it a correction.</summary>
    public Post? List(ListResult list, ListResult? previous, DateTimeOffset? receivedAt = null)
    {
        if (previous is not null && previous.SameResultAs(list))
        {
            return null;
        }

        var sections = ListSections(list).ToList();
        var post = previous is null
            ? new Post(PostKind.Declaration, list.Contest.Key, ListHeadline(list), sections)
            : new Post(PostKind.Correction, list.Contest.Key, "Correction: " + ListHeadline(list), [PostSection.Plain($"Revision {list.Revision} corrects the earlier result."), .. sections]);
        var top = list.Parties.MaxBy(p => p.Votes)?.Party ?? list.Elected.GroupBy(c => c.Party).MaxBy(g => g.Count())?.Key;
        var parties = new HashSet<string>(list.Elected.Select(c => c.Party.Value), StringComparer.Ordinal);
        return post with
        {
            Colour = top is { } t ? PartyColours.Of(t) : null,
            Footer = Footer(list.DeclaredAt ?? receivedAt),
            Topic = new PostTopic(Councils.CouncilKey.For(list.Contest.Name), list.Contest.Name, list.Contest.TopicType, parties, false),
        };
    }

    public static string Headline(CandidateRush rush) => CandidateHeadlines.For(rush.Contest, rush.WinningParty, rush.Sitting, rush.Gain);

    public static string Headline(CandidateResult result) => CandidateHeadlines.For(result.Contest, result.WinningParty, result.Sitting, result.Gain);

    /// <summary>"Edinburgh &amp; Lothians East list: Conservative 3, SNP 3, Labour 1"; a Senedd constituency is all list, so no "list".</summary>
    public static string ListHeadline(ListResult list) =>
        list.Contest.Name + (list.Contest.ElectionType.Equals("W", StringComparison.OrdinalIgnoreCase) ? ": " : " list: ") + string.Join(", ", list.Elected.GroupBy(c => c.Party).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => $"{CandidateHeadlines.PartyOf(g.Key)} {g.Count()}"));

    public static IReadOnlyList<PostSection> CallSections(CandidateRush rush) =>
    [
        PostSection.Plain(rush.Contest.Description + "."),
        PostSection.Plain(rush.Winner is { } w ? $"{w.Name} ({PartyLabel(w)}) is elected. Full result to follow." : "Full result to follow."),
    ];

    /// <summary>The result itself, as /mayor and /seat answer it: winner, majority, turnout, change, every candidate.</summary>
    public IReadOnlyList<PostSection> ResultSections(CandidateResult result)
    {
        var sections = new List<PostSection> { PostSection.Plain(result.Contest.Description + ".") };
        if (result.Winner is { } winner)
        {
            sections.Add(PostSection.Plain($"{winner.Name} ({PartyLabel(winner)}) is elected with {VotesAndShare(winner)}."));
        }

        if (result.Majority is { } majority)
        {
            var percent = result.MajorityPercent is { } p ? $" ({Percent(p)})" : "";
            var over = result.RunnerUp is { } r ? $" over {r.Name} ({PartyLabel(r)})" : "";
            sections.Add(PostSection.Plain($"Majority {Numbers.Count(majority, culture)}{percent}{over}."));
        }

        if (Turnout(result.Turnout, result.TurnoutPercent, result.TurnoutChange, result.Contest.Electorate) is { } turnout)
        {
            sections.Add(PostSection.Plain(turnout));
        }

        sections.Add(PostSection.Plain(Change(result)));
        sections.Add(new PostSection("Votes", string.Join("\n", result.Candidates.Select(c => $"{c.Name} ({PartyLabel(c)}) {VotesAndShare(c)}"))));
        return sections;
    }

    private IEnumerable<PostSection> ListSections(ListResult list)
    {
        yield return PostSection.Plain(list.Contest.Description + ".");
        yield return new PostSection("Elected", string.Join("\n", list.Elected.Select(c => $"{c.Name} ({PartyLabel(c)}{(c.ListRank is { } rank ? $", list {rank}" : "")})")));
        if (list.Parties.Count > 0)
        {
            yield return new PostSection("List votes", string.Join("\n", list.Parties.Select(p => $"{p.Name} {Numbers.Count(p.Votes, culture)} ({Percent(p.Share)}{ShareChange(p.ShareChange)})")));
        }

        if (Turnout(list.Turnout, list.TurnoutPercent, null, list.Contest.Electorate) is { } turnout)
        {
            yield return PostSection.Plain(turnout);
        }

        if (list.Provisional)
        {
            yield return PostSection.Plain("Votes to follow.");
        }
    }

    private static string Change(CandidateResult result) => (result.Gain, result.Sitting) switch
    {
        (true, { } from) => $"{CandidateHeadlines.PartyOf(result.WinningParty)} gain from {CandidateHeadlines.PartyOf(from)}.",
        (false, { }) => $"{CandidateHeadlines.PartyOf(result.WinningParty)} hold.",
        _ => "No previous holder in the feed.",
    };

    private string? Turnout(int? turnout, decimal? percent, decimal? change, int? electorate)
    {
        if (turnout is null && percent is null)
        {
            return null;
        }

        var text = "Turnout " + (percent is { } p ? Percent(p) : Numbers.Count(turnout!.Value, culture));
        if (turnout is { } t && percent is not null)
        {
            text += electorate is { } e ? $" ({Numbers.Count(t, culture)} of {Numbers.Count(e, culture)})" : $" ({Numbers.Count(t, culture)})";
        }

        if (change is { } c)
        {
            text += $", {SignedPoints(c)} on last time";
        }

        return text + ".";
    }

    private IEnumerable<string> Differences(CandidateResult previous, CandidateResult current)
    {
        if (previous.WinningParty != current.WinningParty || previous.Winner?.Name != current.Winner?.Name)
        {
            yield return $"winner {previous.Winner?.Name} ({CandidateHeadlines.PartyOf(previous.WinningParty)}) → {current.Winner?.Name} ({CandidateHeadlines.PartyOf(current.WinningParty)})";
        }

        if (previous.Turnout != current.Turnout && previous.Turnout is { } before && current.Turnout is { } after)
        {
            yield return $"turnout {Numbers.Count(before, culture)} → {Numbers.Count(after, culture)}";
        }

        if (previous.Majority != current.Majority && previous.Majority is { } was && current.Majority is { } now)
        {
            yield return $"majority {Numbers.Count(was, culture)} → {Numbers.Count(now, culture)}";
        }
    }

    private string VotesAndShare(Candidate candidate) =>
        candidate.Votes is { } votes
            ? $"{Numbers.Count(votes, culture)} votes" + (candidate.Share is { } share ? $" ({Percent(share)}{ShareChange(candidate.ShareChange)})" : "")
            : "no votes given";

    private string ShareChange(decimal? change) => change is { } c ? ", " + SignedPoints(c) : "";

    private string Percent(decimal value) => value.ToString("0.0", culture) + "%";

    private string SignedPoints(decimal value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded > 0 ? "+" : rounded < 0 ? "-" : "±") + Math.Abs(rounded).ToString("0.0", culture) + " pts";
    }

    /// <summary>PA names an independent's party after the candidate ("Independent Ian Hutton Test"); say just "Independent".</summary>
    private static string PartyLabel(Candidate candidate) =>
        candidate.Party.Value == "Ind" ? "Independent" : candidate.PartyName;

    private string Footer(DateTimeOffset? at) => sourceName + (at is { } time ? " · " + UkTime.Format(time, culture) : "");

    private Post Finish(Post post, Contest contest, PartyCode winner, PartyCode? sitting, bool gain, DateTimeOffset? at)
    {
        var parties = new HashSet<string>(StringComparer.Ordinal) { winner.Value };
        if (sitting is { } s)
        {
            parties.Add(s.Value);
        }

        return post with
        {
            Colour = PartyColours.Of(winner),
            Footer = Footer(at),
            Topic = new PostTopic(Councils.CouncilKey.For(contest.Name), contest.Name, contest.TopicType, parties, gain),
        };
    }
}
