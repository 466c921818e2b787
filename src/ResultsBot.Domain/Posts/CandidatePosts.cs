using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// What to post when a candidate election's message is taken: a rush posts the call at once unless the full
/// result is already in (a late rush never overwrites a result); a result posts in full; revisions that
/// change what was posted are corrections. Nominations and parliament totals are answered on request, not posted.
/// </summary>
public static class CandidatePosts
{
    /// <param name="receivedOf">When the message now in the book under a key was received, if known: a correction says when the post it corrects went out.</param>
    public static IEnumerable<Post> For(Acceptance acceptance, CandidatePostComposer composer, DateTimeOffset receivedAt, Func<string, DateTimeOffset?>? receivedOf = null) =>
        Posts(acceptance, composer, receivedAt, receivedOf).Select(post => WithProgress(post, acceptance));

    /// <summary>"3 of 37 police and crime commissioners declared": the night's progress for mayors and commissioners, as councils have theirs.</summary>
    private static Post WithProgress(Post post, Acceptance acceptance)
    {
        var contest = acceptance.Message switch
        {
            CandidateResult r => r.Contest,
            CandidateRush r => r.Contest,
            _ => null,
        };
        if (contest is null || contest.Kind is not (Contests.ContestKind.Mayor or Contests.ContestKind.PoliceCommissioner))
        {
            return post;
        }

        var declared = Contests.NightContests.Calls(acceptance.Book, contest.Kind).Count;
        var expected = Contests.NightContests.Expected(acceptance.Book, contest.Kind);
        var noun = Contests.NightContests.Noun(contest.Kind, expected ?? declared);
        var culture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        var line = expected is { } all
            ? $"{Text.Numbers.Count(declared, culture)} of {Text.Numbers.Count(all, culture)} {noun} declared"
            : $"{Text.Numbers.Count(declared, culture)} {noun} declared";
        return post with { Sections = [.. post.Sections, PostSection.Plain(line)] };
    }

    private static IEnumerable<Post> Posts(Acceptance acceptance, CandidatePostComposer composer, DateTimeOffset receivedAt, Func<string, DateTimeOffset?>? receivedOf)
    {
        var book = acceptance.Book;
        var earlier = receivedOf ?? (_ => null);
        switch (acceptance.Message, acceptance.Previous)
        {
            case (CandidateRush rush, _) when book.Latest(CandidateResult.ResultKeyFor(rush.Contest)) is not null:
                break;
            case (CandidateRush rush, CandidateRush previous):
                if (composer.CallCorrection(previous, rush, receivedAt, earlier(previous.Key)) is { } correction)
                {
                    yield return correction;
                }

                break;
            case (CandidateRush rush, null):
                yield return composer.Call(rush, receivedAt);
                break;
            case (CandidateResult result, CandidateResult previous):
                if (composer.ResultCorrection(previous, result, receivedAt, earlier(previous.Key)) is { } revised)
                {
                    yield return revised;
                }

                break;
            case (CandidateResult result, null):
                var rushKey = CandidateRush.RushKeyFor(result.Contest);
                yield return composer.Result(result, book.Latest(rushKey) as CandidateRush, receivedAt, earlier(rushKey));
                break;
            case (ListResult { Provisional: true } list, _) when book.Latest(CandidateResult.ResultKeyFor(list.Contest)) is not null:
                break;
            case (ListResult { Provisional: false } list, null) when book.Latest(CandidateRush.RushKeyFor(list.Contest)) is ListResult members:
                yield return composer.ListAfterMembers(list, members, receivedAt, earlier(members.Key));
                break;
            case (ListResult list, var previous):
                if (composer.List(list, previous as ListResult, receivedAt, previous is null ? null : earlier(previous.Key)) is { } post)
                {
                    yield return post;
                }

                break;
        }
    }

    /// <summary>True for the messages this class posts about.</summary>
    public static bool IsCandidateMessage(FeedMessage message) => message is CandidateRush or CandidateResult or ListResult;
}
