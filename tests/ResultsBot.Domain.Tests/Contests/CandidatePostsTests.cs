using ResultsBot.Domain.Book;
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
            [(PostKind.Declaration, "Green gain Hackney mayoralty from Labour"), (PostKind.Declaration, "Green gain Hackney mayoralty from Labour")],
            posts.Select(p => (p.Kind, p.Headline)));
        Assert.Equal("Mayor of Hackney.", posts[0].Lines[0]);
        Assert.Equal("Jim Harvey (Green) is elected with 62,806 votes (45.2%).", posts[1].Lines[1]);
    }

    [Fact]
    public void ResultThenLateRush_PostsOnlyTheResult()
    {
        var posts = Take(Candidates.GreenGain(), Candidates.Rush(1, "Lab", "Lab", gain: false), Candidates.Rush(2, "Lab", "Lab", gain: false));

        Assert.Equal(["Green gain Hackney mayoralty from Labour"], posts.Select(p => p.Headline));
    }

    [Fact]
    public void CorrectedRush_PostsACorrectionOfTheCall()
    {
        var posts = Take(Candidates.Rush(1, "Lab", "Lab", gain: false), Candidates.Rush(2, "Green", "Lab", gain: true));

        Assert.Equal(
            [(PostKind.Declaration, "Labour hold Hackney mayoralty"), (PostKind.Correction, "Correction: Green gain Hackney mayoralty from Labour")],
            posts.Select(p => (p.Kind, p.Headline)));
        Assert.Equal("Revision 2 corrects the call: it was \"Labour hold Hackney mayoralty\".", posts[1].Lines[0]);
        Assert.All(posts, p => Assert.Equal("mayor/hackney", p.Subject));
    }

    [Fact]
    public void RevisedResult_IsACorrectionAndAStaleRevisionIsNothing()
    {
        var posts = Take(Candidates.LabourHold(1), Candidates.GreenGain(3), Candidates.LabourHold(2));

        Assert.Equal(["Labour hold Hackney mayoralty", "Correction: Green gain Hackney mayoralty from Labour"], posts.Select(p => p.Headline));
    }

    private List<Post> Take(params FeedMessage[] messages)
    {
        var book = ResultsBook.Empty;
        var posts = new List<Post>();
        foreach (var message in messages)
        {
            var acceptance = book.Accept(message);
            book = acceptance.Book;
            if (acceptance.Kind != AcceptanceKind.Stale)
            {
                posts.AddRange(CandidatePosts.For(acceptance, _composer, DateTimeOffset.UnixEpoch));
            }
        }

        return posts;
    }
}
