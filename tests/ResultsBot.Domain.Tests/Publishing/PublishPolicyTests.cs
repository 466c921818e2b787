using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Publishing;

namespace ResultsBot.Domain.Tests.Publishing;

/// <summary>Which posts of the night an announcement channel publishes to its followers, and when, as posts read.</summary>
public class PublishPolicyTests
{
    private static readonly DateTimeOffset Night = new(2024, 5, 3, 1, 0, 0, TimeSpan.Zero);

    private static readonly Post Half = new(PostKind.Milestone, "milestone/2", "Half of councils declared: 54 of 107", ["Labour 30 councils (+6)"]);
    private static readonly Post RushmoorGain = Declaration("Labour gain Rushmoor from Conservatives", changed: true);
    private static readonly Post DudleyLoss = Declaration("Conservatives lose Dudley to no overall control", changed: true);
    private static readonly Post AdurHold = Declaration("Labour hold Adur", changed: false);
    private static readonly Post WardHold = Declaration("Labour hold Abbey ward (Barking and Dagenham)", changed: false, type: "ward");
    private static readonly Post Share = new(PostKind.Announcement, "share/1", "Labour lead by 9 points", ["Lab 34%, Con 25%"]);

    [Fact]
    public void RankOf_EachKindOfPost_PublishesTheNewsAndNeverAHoldOrAWard()
    {
        Assert.Equal(PublishRank.Milestone, PublishPolicy.RankOf([Half]));
        Assert.Equal(PublishRank.ChangeOfControl, PublishPolicy.RankOf([RushmoorGain]));
        Assert.Equal(PublishRank.ChangeOfControl, PublishPolicy.RankOf([DudleyLoss]));
        Assert.Null(PublishPolicy.RankOf([AdurHold]));
        Assert.Null(PublishPolicy.RankOf([WardHold]));
        Assert.Null(PublishPolicy.RankOf([Share]));
    }

    [Fact]
    public void RankOf_Digest_IsPublishedOnlyWhenItCarriesAChangeOfControl()
    {
        Assert.Equal(PublishRank.Digest, PublishPolicy.RankOf([AdurHold, RushmoorGain]));
        Assert.Null(PublishPolicy.RankOf([AdurHold, Declaration("Conservatives hold Broxbourne", changed: false)]));
    }

    [Fact]
    public void RankOf_Correction_IsPublishedWhenItsOriginalWasNewsOrItIsNewsItself()
    {
        var ofAGain = new Post(PostKind.Correction, RushmoorGain.Subject, "Correction: Labour hold Rushmoor", ["The call was wrong."]);
        var ofAHold = new Post(PostKind.Correction, AdurHold.Subject, "Correction: Labour hold Adur", ["Lab 22 (not 23)."]);
        var intoAGain = Declaration("Correction: Labour gain Adur from Conservatives", changed: true) with { Kind = PostKind.Correction };

        Assert.Equal(PublishRank.Correction, PublishPolicy.RankOf([ofAGain], corrected: RushmoorGain));
        Assert.Null(PublishPolicy.RankOf([ofAHold], corrected: AdurHold));
        Assert.Equal(PublishRank.Correction, PublishPolicy.RankOf([intoAGain], corrected: AdurHold));
        // Edited in place: the message is the original, published or not as it was.
        Assert.Null(PublishPolicy.RankOf([AdurHold, ofAHold]));
    }

    [Fact]
    public void Decide_TenPublishedInTheLastHour_WaitsUntilTheOldestIsAnHourOld()
    {
        var published = Enumerable.Range(0, 10).Select(i => Night + TimeSpan.FromMinutes(5 * i)).ToList();
        var now = Night + TimeSpan.FromMinutes(50);

        var decision = PublishPolicy.Decide([new PublishCandidate("half", PublishRank.Milestone, now)], published, now);

        Assert.Null(decision.Next);
        Assert.Equal(Night + TimeSpan.FromHours(1), decision.WaitUntil);
    }

    [Fact]
    public void Decide_EightPublishedThisHour_KeepsTheLastTwoForMilestonesAndCorrections()
    {
        var published = Enumerable.Range(0, 8).Select(i => Night + TimeSpan.FromMinutes(5 * i)).ToList();
        var now = Night + TimeSpan.FromMinutes(45);
        var gain = new PublishCandidate("rushmoor", PublishRank.ChangeOfControl, now - TimeSpan.FromMinutes(10));
        var half = new PublishCandidate("half", PublishRank.Milestone, now);

        var onlyTheGain = PublishPolicy.Decide([gain], published, now);
        var both = PublishPolicy.Decide([gain, half], published, now);

        Assert.Equal(new PublishDecision(null, Night + TimeSpan.FromHours(1)), onlyTheGain);
        Assert.Equal(half, both.Next);
    }

    [Fact]
    public void Decide_SeveralOwed_MilestoneFirstThenTheOldestChangeOfControl_AndNothingOlderThanTwoHours()
    {
        var now = Night + TimeSpan.FromHours(3);
        var stale = new PublishCandidate("bolton", PublishRank.Milestone, now - TimeSpan.FromHours(2));
        var digest = new PublishCandidate("digest", PublishRank.Digest, now - TimeSpan.FromMinutes(50));
        var older = new PublishCandidate("dudley", PublishRank.ChangeOfControl, now - TimeSpan.FromMinutes(40));
        var newer = new PublishCandidate("rushmoor", PublishRank.ChangeOfControl, now - TimeSpan.FromMinutes(5));
        var half = new PublishCandidate("half", PublishRank.Milestone, now - TimeSpan.FromMinutes(1));

        Assert.Equal(half, PublishPolicy.Decide([stale, digest, newer, older, half], [], now).Next);
        Assert.Equal(older, PublishPolicy.Decide([stale, digest, newer, older], [], now).Next);
        Assert.Equal(digest, PublishPolicy.Decide([stale, digest], [], now).Next);
        Assert.Equal(PublishDecision.Nothing, PublishPolicy.Decide([stale], [], now));
    }

    private static Post Declaration(string headline, bool changed, string type = "council") =>
        new(PostKind.Declaration, "council/" + headline.GetHashCode(StringComparison.Ordinal), headline, ["Whole council up"])
        {
            Topic = new PostTopic("key", "Council", type, new HashSet<string>(["LAB", "CON"]), changed),
        };
}
