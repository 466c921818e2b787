using ResultsBot.Domain.Book;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Contests;

/// <summary>What the desk posts as a contest's rush and result arrive, in either order.</summary>
public sealed class CandidatePostsTests
{
    private readonly CandidatePostComposer _composer = new(Culture.EnGb);

    [Fact]
    public void RushThenResult_PostsOneCallAndOneFullResult()
    {
        var posts = Take(Candidates.Rush(1, "Green", "Lab", gain: true), Candidates.GreenGain());

        Assert.Equal(
            [
                (PostKind.Declaration, "Hackney mayor: Greens gain from Labour"),
                (PostKind.Declaration, "Full result — Hackney mayor: Jim Harvey (Green) gains from Labour, beating John Cooper by 36,904 votes"),
            ],
            posts.Select(p => (p.Kind, p.Headline)));
        Assert.Equal(["Full result to follow.", "1 mayor declared"], posts[0].Lines);
    }

    [Fact]
    public void ResultThenLateRush_PostsOnlyTheResult()
    {
        var posts = Take(Candidates.GreenGain(), Candidates.Rush(1, "Lab", "Lab", gain: false), Candidates.Rush(2, "Lab", "Lab", gain: false));

        Assert.Equal(["Hackney mayor: Jim Harvey (Green) gains from Labour, beating John Cooper by 36,904 votes"], posts.Select(p => p.Headline));
    }

    [Fact]
    public void CorrectedRush_PostsACorrectionOfTheCall()
    {
        var posts = Take(Candidates.Rush(1, "Lab", "Lab", gain: false), Candidates.Rush(2, "Green", "Lab", gain: true));

        // The first rush was taken at 01:01 UK time (00:01 UTC, BST).
        Assert.Equal(
            [(PostKind.Declaration, "Hackney mayor: Labour hold"), (PostKind.Correction, "Correction — Hackney mayor: our 01:01 post said Labour hold; Greens gain from Labour")],
            posts.Select(p => (p.Kind, p.Headline)));
        Assert.All(posts, p => Assert.Equal("mayor/hackney", p.Subject));
        Assert.All(posts, p => Assert.DoesNotContain("Revision", p.ToPlainText(), StringComparison.Ordinal));
    }

    [Fact]
    public void RevisedResult_IsACorrectionAndAStaleRevisionIsNothing()
    {
        var posts = Take(Candidates.LabourHold(1), Candidates.GreenGain(3), Candidates.LabourHold(2));

        Assert.Equal(
            ["Hackney mayor: John Cooper (Labour) holds for Labour, beating Jim Harvey by 47,096 votes", "Correction — Hackney mayor: our 01:01 post said Labour hold; Greens gain from Labour"],
            posts.Select(p => p.Headline));
    }

    [Fact]
    public void ListMembersThenFullResult_PostsTheMembersThenTheFullResultMarked()
    {
        var region = new Contest(ContestKind.Region, "Lothian", "Scottish Parliament", "S");
        Candidate[] elected = [new("Ash", "Adams", new PartyCode("SNP"), "Scottish National Party", Elected: true, ListRank: 1)];
        var members = new ListResult(1, region, Provisional: true, elected, [], null, null);
        var full = new ListResult(1, region, Provisional: false, elected, [new PartyVote(new PartyCode("SNP"), "Scottish National Party", 1000, 50m, null)], null, null);

        var posts = Take(members, full);

        Assert.Equal(["Lothian list: SNP 1", "Full result — Lothian list: SNP 1"], posts.Select(p => p.Headline));
    }

    /// <summary>Takes the messages a minute apart from 00:01 UTC on 7 May 2026, as the desk does, remembering when each was taken.</summary>
    private List<Post> Take(params FeedMessage[] messages)
    {
        var book = ResultsBook.Empty;
        var posts = new List<Post>();
        var taken = new Dictionary<string, DateTimeOffset>();
        var at = new DateTimeOffset(2026, 5, 7, 0, 0, 0, TimeSpan.Zero);
        foreach (var message in messages)
        {
            at = at.AddMinutes(1);
            var acceptance = book.Accept(message);
            book = acceptance.Book;
            if (acceptance.Kind != AcceptanceKind.Stale)
            {
                posts.AddRange(CandidatePosts.For(acceptance, _composer, at, key => taken.TryGetValue(key, out var when) ? when : null));
                taken[message.Key] = at;
            }
        }

        return posts;
    }
}
