using System.Globalization;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// Posts for mayors, police and crime commissioners and parliament seats: the call from a rush at once,
/// then the full result, marked as such. The headline leads with the person and carries the call; the
/// post under it is the turnout and one compact table of candidates, so the call is never said twice.
/// Every post about one contest has the contest's key as its subject, so a correction (or a result that
/// changes the call) is linked to the call already posted.
/// </summary>
public sealed class CandidatePostComposer(CultureInfo culture, string sourceName = "PA Media")
{
    private readonly CandidateCorrections _corrections = new(culture);

    public Post Call(CandidateRush rush, DateTimeOffset? receivedAt = null) =>
        Finish(new Post(PostKind.Declaration, rush.Contest.Key, Headline(rush), CallSections(rush)), rush.Contest, rush.WinningParty, rush.Sitting, receivedAt);

    /// <summary>A later rush that changes the call; null when it makes the same call.</summary>
    /// <param name="previousAt">When the call being corrected was received (a rush carries no time of its own).</param>
    public Post? CallCorrection(CandidateRush previous, CandidateRush current, DateTimeOffset? receivedAt = null, DateTimeOffset? previousAt = null)
    {
        if (previous.SameCallAs(current))
        {
            return null;
        }

        var headline = _corrections.CallChanged(current.Contest, previousAt, CandidateCall.Of(previous), CandidateCall.Of(current));
        return Finish(new Post(PostKind.Correction, current.Contest.Key, headline, CallSections(current)), current.Contest, current.WinningParty, current.Sitting, receivedAt);
    }

    /// <summary>
    /// The full result. After a call it is marked as the full result; when it calls the contest differently
    /// from that call, it is a correction of it (platforms that can edit update the call).
    /// </summary>
    /// <param name="callAt">When the call was received.</param>
    public Post Result(CandidateResult result, CandidateRush? call, DateTimeOffset? receivedAt = null, DateTimeOffset? callAt = null)
    {
        var checkedCall = CandidateCall.Of(result);
        Post post;
        if (call is not null && !SameCall(CandidateCall.Of(call), checkedCall))
        {
            var headline = _corrections.CallChanged(result.Contest, callAt, CandidateCall.Of(call), checkedCall);
            post = new Post(PostKind.Correction, result.Contest.Key, headline, [PostSection.Plain(_corrections.Figures(result)), .. ResultSections(result)]);
        }
        else
        {
            post = new Post(PostKind.Declaration, result.Contest.Key, (call is null ? "" : "Full result — ") + Headline(result), ResultSections(result));
        }

        return Finish(post, result.Contest, result.WinningParty, result.Sitting, result.DeclaredAt ?? receivedAt);
    }

    /// <summary>A revised result that changes what was posted; null when it only repeats it.</summary>
    /// <param name="previousAt">When the corrected result was received, for when the feed gave no declaration time.</param>
    public Post? ResultCorrection(CandidateResult previous, CandidateResult current, DateTimeOffset? receivedAt = null, DateTimeOffset? previousAt = null)
    {
        if (previous.SameResultAs(current))
        {
            return null;
        }

        var post = _corrections.Result(previous, current, previous.DeclaredAt ?? previousAt);
        return Finish(post with { Sections = [.. post.Sections, .. ResultSections(current)] }, current.Contest, current.WinningParty, current.Sitting, current.DeclaredAt ?? receivedAt);
    }

    /// <summary>A region's list members (a rush) or its full result; <paramref name="previous"/> makes it a correction.</summary>
    public Post? List(ListResult list, ListResult? previous, DateTimeOffset? receivedAt = null, DateTimeOffset? previousAt = null) =>
        previous is not null && previous.SameResultAs(list) ? null : ListPost(list, previous, receivedAt, previousAt);

    /// <summary>
    /// A region's full result after its members were posted (PA's TopUpRush): marked as the full result, or,
    /// when it elects other members, a correction of that post.
    /// </summary>
    /// <param name="membersAt">When the members' post went out.</param>
    public Post ListAfterMembers(ListResult list, ListResult members, DateTimeOffset? receivedAt = null, DateTimeOffset? membersAt = null) =>
        ListSeats(members) == ListSeats(list)
            ? ListPost(list, null, receivedAt, null) with { Headline = "Full result — " + ListHeadline(list) }
            : ListPost(list, members, receivedAt, members.DeclaredAt ?? membersAt);

    private Post ListPost(ListResult list, ListResult? previous, DateTimeOffset? receivedAt, DateTimeOffset? previousAt)
    {
        var sections = ListSections(list).ToList();
        Post post;
        if (previous is null)
        {
            post = new Post(PostKind.Declaration, list.Contest.Key, ListHeadline(list), sections);
        }
        else
        {
            var correction = _corrections.List(previous, list, previous.DeclaredAt ?? previousAt);
            post = correction with { Sections = [.. correction.Sections, .. sections] };
        }

        var top = list.Parties.MaxBy(p => p.Votes)?.Party ?? list.Elected.GroupBy(c => c.Party).MaxBy(g => g.Count())?.Key;
        var parties = new HashSet<string>(list.Elected.Select(c => c.Party.Value), StringComparer.Ordinal);
        return post with
        {
            Colour = top is { } t ? PartyColours.Of(t) : null,
            Footer = Footer(list.DeclaredAt ?? receivedAt),
            Topic = new PostTopic(Councils.CouncilKey.For(list.Contest.Name), list.Contest.Name, list.Contest.TopicType, parties, false),
        };
    }

    public string Headline(CandidateRush rush) => CandidateHeadlines.For(rush.Contest, CandidateCall.Of(rush), culture);

    public string Headline(CandidateResult result) => CandidateHeadlines.For(result.Contest, CandidateCall.Of(result), culture);

    /// <summary>"Lothian list: Conservatives 3, SNP 3, Labour 1"; a Senedd constituency is all list, so no "list".</summary>
    public static string ListHeadline(ListResult list) =>
        CandidateHeadlines.Office(list.Contest) + ": " + ListSeats(list);

    /// <summary>Members elected by party, most first: "Conservatives 3, SNP 3, Labour 1".</summary>
    public static string ListSeats(ListResult list) =>
        string.Join(", ", list.Elected.GroupBy(c => c.Party).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => $"{CandidateHeadlines.Plural(g.First())} {g.Count()}"));

    public static IReadOnlyList<PostSection> CallSections(CandidateRush rush) =>
        [.. Where(rush.Contest), PostSection.Plain("Full result to follow.")];

    /// <summary>The result under its headline, as /mayor and /seat answer it: turnout, then every candidate.</summary>
    public IReadOnlyList<PostSection> ResultSections(CandidateResult result)
    {
        var sections = new List<PostSection>(Where(result.Contest));
        if (TurnoutText.Line(result.Turnout, result.TurnoutPercent, result.TurnoutChange, result.Contest.Electorate, culture) is { } turnout)
        {
            sections.Add(PostSection.Plain(turnout));
        }

        var shares = SharesHold(result.Candidates.Select(c => c.Share));
        sections.Add(new PostSection("Votes", string.Join("\n", result.Candidates.OrderByDescending(c => c.Votes ?? -1).Select(c => $"{c.Name} ({CandidateHeadlines.Label(c)}) {VotesAndShare(c, shares)}"))));
        return sections;
    }

    /// <summary>Shares are printed only when each is a percentage and together they make no more than a whole (rounding allowed).</summary>
    internal static bool SharesHold(IEnumerable<decimal?> shares)
    {
        var given = shares.OfType<decimal>().ToList();
        return given.Count > 0 && given.All(s => s is >= 0 and <= 100) && given.Sum() <= 100.5m;
    }

    // Parliament seats say which parliament; an office ("Hackney mayor") says it in the headline.
    private static IEnumerable<PostSection> Where(Contest contest) =>
        contest.Kind is ContestKind.Constituency or ContestKind.Region ? [PostSection.Plain(contest.Description + ".")] : [];

    private static bool SameCall(CandidateCall a, CandidateCall b) =>
        a.Party == b.Party && a.Sitting == b.Sitting && !b.Contradicted && (a.Person is null || b.Person is null || a.Person.Name == b.Person.Name);

    private IEnumerable<PostSection> ListSections(ListResult list)
    {
        yield return PostSection.Plain(list.Contest.Description + ".");
        yield return new PostSection("Elected", string.Join("\n", list.Elected.Select(c => $"{c.Name} ({CandidateHeadlines.Label(c)}{(c.ListRank is { } rank ? $", list {rank}" : "")})")));
        if (list.Parties.Count > 0)
        {
            var shares = SharesHold(list.Parties.Select(p => (decimal?)p.Share));
            yield return new PostSection("List votes", string.Join("\n", list.Parties.OrderByDescending(p => p.Votes).Select(p =>
                $"{PartyName(p)} {Numbers.Count(p.Votes, culture)}" + (shares ? $" ({TurnoutText.Percent(p.Share, culture)}{ShareChange(p.ShareChange)})" : ""))));
        }

        if (TurnoutText.Line(list.Turnout, list.TurnoutPercent, null, list.Contest.Electorate, culture) is { } turnout)
        {
            yield return PostSection.Plain(turnout);
        }

        if (list.Provisional)
        {
            yield return PostSection.Plain("Votes to follow.");
        }
    }

    internal static string PartyName(PartyVote vote) => PartyNames.IsKnown(vote.Party) ? PartyNames.NameOf(vote.Party) : vote.Name;

    private string VotesAndShare(Candidate candidate, bool shares) =>
        candidate.Votes is { } votes
            ? Numbers.Count(votes, culture) + (shares && candidate.Share is { } share ? $" ({TurnoutText.Percent(share, culture)}{ShareChange(candidate.ShareChange)})" : "")
            : "no votes given";

    private string ShareChange(decimal? change) => change is { } c ? ", " + Points.Signed(c, culture) : "";

    private string Footer(DateTimeOffset? at) => sourceName + (at is { } time ? " · " + UkTime.Format(time, culture) : "");

    private Post Finish(Post post, Contest contest, PartyCode winner, PartyCode? sitting, DateTimeOffset? at)
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
            Topic = new PostTopic(Councils.CouncilKey.For(contest.Name), contest.Name, contest.TopicType, parties, sitting is { } was && was != winner),
        };
    }
}
