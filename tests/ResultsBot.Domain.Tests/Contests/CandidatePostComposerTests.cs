using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Contests;

public sealed class CandidatePostComposerTests
{
    private readonly CandidatePostComposer _composer = new(Culture.EnGb, "PA Media");

    [Fact]
    public void Result_GreenGain_LeadsWithTheCallThenWinnerMajorityTurnoutAndChange()
    {
        var post = _composer.Result(Candidates.GreenGain(), call: null);

        Assert.Equal(PostKind.Declaration, post.Kind);
        Assert.Equal("mayor/hackney", post.Subject);
        Assert.Equal("Green gain Hackney mayoralty from Labour", post.Headline);
        Assert.Equal(
            [
                "Mayor of Hackney.",
                "Jim Harvey (Green) is elected with 62,806 votes (45.2%).",
                "Majority 36,904 (26.6%) over John Cooper (Labour).",
                "Turnout 76.3% (138,910 of 182,136), +4.5 pts on last time.",
                "Green gain from Labour.",
                "Votes: Jim Harvey (Green) 62,806 votes (45.2%)\nJohn Cooper (Labour) 25,902 votes (18.7%, -30.1 pts)\nIan Hutton (Independent) 2,089 votes (1.5%)",
            ],
            post.Lines);
        Assert.Equal("mayor", post.Topic?.ElectionType);
        Assert.Equal("hackney", post.Topic?.CouncilKey);
        Assert.True(post.Topic?.ControlChanged);
        Assert.StartsWith("PA Media · 7 May 2026, ", post.Footer, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_Rush_PostsTheCallAtOnceWithFullResultToFollow()
    {
        var rush = Candidates.Rush(1, "Lab", "Lab", gain: false) with { Winner = Candidates.Cooper };

        var post = _composer.Call(rush);

        Assert.Equal("Labour hold Hackney mayoralty", post.Headline);
        Assert.Equal(["Mayor of Hackney.", "John Cooper (Labour) is elected. Full result to follow."], post.Lines);
    }

    [Fact]
    public void Result_AfterACallItContradicts_IsACorrectionOfTheCall()
    {
        var post = _composer.Result(Candidates.GreenGain(), Candidates.Rush(1, "Lab", "Lab", gain: false));

        Assert.Equal(PostKind.Correction, post.Kind);
        Assert.Equal("Correction: Green gain Hackney mayoralty from Labour", post.Headline);
        Assert.Equal("The full result changes the call: it was \"Labour hold Hackney mayoralty\".", post.Lines[0]);
    }

    [Fact]
    public void ResultCorrection_ChangedWinner_SaysWhatChanged()
    {
        var post = _composer.ResultCorrection(Candidates.LabourHold(1), Candidates.GreenGain(3));

        Assert.NotNull(post);
        Assert.Equal("Correction: Green gain Hackney mayoralty from Labour", post.Headline);
        Assert.Equal(
            "Revision 3 corrects the earlier result: winner John Cooper (Labour) → Jim Harvey (Green); turnout 122,910 → 138,910; majority 47,096 → 36,904.",
            post.Lines[0]);
    }

    [Fact]
    public void ResultCorrection_SameResult_IsNoPost()
    {
        Assert.Null(_composer.ResultCorrection(Candidates.GreenGain(1), Candidates.GreenGain(2)));
    }

    [Fact]
    public void Call_ScottishConstituency_NamesTheParliament()
    {
        var post = _composer.Call(Candidates.Rush(1, "Reform", "SNP", gain: true, Candidates.AberdeenCentral));

        Assert.Equal("Reform UK gain Aberdeen Central from SNP", post.Headline);
        Assert.Equal("Scottish Parliament constituency.", post.Lines[0]);
        Assert.Equal("parliament", post.Topic?.ElectionType);
    }

    [Fact]
    public void Result_MayorPost_ReachesMayorAndLondonSubscriptionsOnly()
    {
        var post = _composer.Result(Candidates.GreenGain(), call: null);

        Assert.True(Filter("types mayors").Matches(post));
        Assert.True(Filter("region London").Matches(post));
        Assert.False(Filter("types councils, parliaments").Matches(post));
    }

    private static SubscriptionFilter Filter(string text) => SubscriptionParser.Parse(text, Regions.KnownCouncils, []).Filter!;

    [Fact]
    public void Digest_WithAMayor_CountsResultsNotCouncils()
    {
        var digest = new DigestComposer(Culture.EnGb).Compose([_composer.Result(Candidates.GreenGain(), call: null), _composer.Call(Candidates.Rush(1, "Reform", "SNP", gain: true, Candidates.AberdeenCentral))]);

        Assert.Equal("2 results declared", digest.Headline);
        Assert.Equal(["Green gain Hackney mayoralty from Labour", "Reform UK gain Aberdeen Central from SNP"], digest.Lines);
    }
}
