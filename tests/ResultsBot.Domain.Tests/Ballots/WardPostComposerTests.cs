using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Ballots;

public sealed class WardPostComposerTests
{
    private static readonly DateOnly Poll2023 = new(2023, 5, 4);
    private static readonly DateOnly Poll2024 = new(2024, 5, 2);
    private static readonly WardPostComposer Composer = new(Culture.EnGb);

    private static readonly WardResult Ecclesall2023 = Ward.Result(
        "Sheffield",
        "Ecclesall",
        Poll2023,
        Ward.Candidate("Alice Fairbrook", "LD", 3100, elected: true),
        Ward.Candidate("Ben Holloway", "Lab", 1400),
        Ward.Candidate("Carol Weston", "C", 900),
        Ward.Candidate("Dan Marsh", "Green", 600));

    private static readonly WardResult Ecclesall2024 = Ward.Result(
        "Sheffield",
        "Ecclesall",
        Poll2024,
        Ward.Candidate("Eve Thornton", "LD", 3250, elected: true),
        Ward.Candidate("Frank Ashdown", "Lab", 1300),
        Ward.Candidate("Grace Linley", "Green", 950),
        Ward.Candidate("Harry Vale", "C", 700),
        Ward.Candidate("Ian Cole", "Reform", 300)) with { Turnout = 6540, TurnoutPercent = 38.2m };

    [Fact]
    public void Compose_NoEarlierResultForTheWard_SaysWhoWonWithVotesAndShares()
    {
        var post = Composer.Compose(Ecclesall2023, Books.With(Ecclesall2023));

        Assert.Equal("Ecclesall (Sheffield): Liberal Democrats win", post.Headline);
        Assert.Equal(
            [
                "Alice Fairbrook (Liberal Democrat) 3,100 (51.7%), elected",
                "Ben Holloway (Labour) 1,400 (23.3%)",
                "Carol Weston (Conservative) 900 (15.0%)",
                "Dan Marsh (Green) 600 (10.0%)",
                "Majority 1,700.",
            ],
            post.Lines);
        Assert.Equal("Democracy Club", post.Footer);
    }

    [Fact]
    public void Compose_SamePartyWonLastTime_IsAHoldWithShareChangesByParty()
    {
        var post = Composer.Compose(Ecclesall2024, Books.With(Ecclesall2023, Ecclesall2024));

        Assert.Equal("Ecclesall (Sheffield): Liberal Democrats hold", post.Headline);
        Assert.Equal(
            [
                "Eve Thornton (Liberal Democrat) 3,250 (50.0%, -1.7 pts), elected",
                "Frank Ashdown (Labour) 1,300 (20.0%, -3.3 pts)",
                "Grace Linley (Green) 950 (14.6%, +4.6 pts)",
                "Harry Vale (Conservative) 700 (10.8%, -4.2 pts)",
                "Ian Cole (Reform UK) 300 (4.6%, new)",
                "Majority 1,950.",
                "Turnout 38.2% (6,540 ballots).",
            ],
            post.Lines);
        var topic = Assert.IsType<PostTopic>(post.Topic);
        Assert.Equal(("sheffield", "Sheffield", "ward", false), (topic.CouncilKey, topic.CouncilName, topic.ElectionType, topic.ControlChanged));
        Assert.Equal(["LD"], topic.Parties);
    }

    [Fact]
    public void Compose_AnotherPartyWonLastTime_IsAGainFromThatParty()
    {
        var before = Ward.Result("Sheffield", "Walkley", Poll2023, Ward.Candidate("Jo Perrin", "Lab", 2400, elected: true), Ward.Candidate("Kim Asher", "Green", 2000));
        var now = Ward.Result("Sheffield", "Walkley", Poll2024, Ward.Candidate("Mia Rowe", "Green", 2700, elected: true), Ward.Candidate("Ned Carver", "Lab", 2300));

        var post = Composer.Compose(now, Books.With(before, now));

        Assert.Equal("Walkley (Sheffield): Greens gain from Labour", post.Headline);
        Assert.True(post.Topic!.ControlChanged);
        Assert.Equal(["Green", "Lab"], post.Topic.Parties.Order(StringComparer.Ordinal));
        Assert.Equal("#6AB023", post.Colour);
    }

    [Fact]
    public void Compose_ByElection_SaysSoInTheHeadlineAndIsTypedByElection()
    {
        var before = Ward.Result("Barnsley", "Darton East", Poll2023, Ward.Candidate("Pat Quinn", "Lab", 1500, elected: true), Ward.Candidate("Sam Tate", "Reform", 300));
        var now = Ward.ByElection("Barnsley", "Darton East", new DateOnly(2024, 7, 4), Ward.Candidate("Tom Ure", "Reform", 1400, elected: true), Ward.Candidate("Uma Patel", "Lab", 1100));

        var post = Composer.Compose(now, Books.With(before, now));

        Assert.Equal("Darton East (Barnsley) by-election: Reform UK gain from Labour", post.Headline);
        Assert.Equal(["Tom Ure (Reform UK) 1,400 (56.0%, +39.3 pts), elected", "Uma Patel (Labour) 1,100 (44.0%, -39.3 pts)", "Majority 300."], post.Lines);
        Assert.Equal("by-election", post.Topic!.ElectionType);
    }

    [Fact]
    public void Compose_ByElectionWithNothingToCompare_SaysSo()
    {
        var now = Ward.ByElection("Barnsley", "Darton East", new DateOnly(2024, 7, 4), Ward.Candidate("Tom Ure", "Reform", 1400, elected: true), Ward.Candidate("Uma Patel", "Lab", 1100));

        var post = Composer.Compose(now, Books.With(now));

        Assert.Equal("Darton East (Barnsley) by-election: Reform UK win", post.Headline);
        Assert.Equal("No earlier result for this seat to compare with.", post.Lines[^1]);
    }

    [Fact]
    public void Compose_SeveralPartiesElectedInOneWard_CountsEachParty()
    {
        var result = Ward.Result(
            "Leeds",
            "Headingley",
            Poll2024,
            Ward.Candidate("A One", "Lab", 2000, elected: true),
            Ward.Candidate("B Two", "Green", 1900, elected: true),
            Ward.Candidate("C Three", "Lab", 1800, elected: true),
            Ward.Candidate("D Four", "LD", 900));

        var post = Composer.Compose(result, Books.With(result));

        Assert.Equal("Headingley (Leeds): Labour 2, Greens 1 elected", post.Headline);
        Assert.DoesNotContain(post.Lines, line => line.StartsWith("Majority", StringComparison.Ordinal));
    }

    [Fact]
    public void ComposeCorrection_ChangedWinner_SaysWhatOurPostSaidWhenAndWhatChanged()
    {
        var revised = Ecclesall2024 with
        {
            Revision = 2,
            Candidates = [Ward.Candidate("Eve Thornton", "LD", 3250), Ward.Candidate("Frank Ashdown", "Lab", 3300, elected: true), .. Ecclesall2024.Candidates.Skip(2)],
        };

        var post = Composer.ComposeCorrection(Ecclesall2024, revised, Books.With(Ecclesall2023, revised), previousAt: new DateTimeOffset(2024, 5, 3, 0, 23, 0, TimeSpan.Zero));

        Assert.Equal(PostKind.Correction, post.Kind);
        Assert.Equal("Correction — Ecclesall (Sheffield): our 01:23 post said Liberal Democrats hold; Labour gain from Liberal Democrats", post.Headline);
        Assert.Equal("Frank Ashdown (Labour) 3,300 (was 1,300), now elected; Eve Thornton (Liberal Democrat) 3,250, no longer elected.", post.Lines[0]);
        Assert.Equal("Frank Ashdown (Labour) 3,300 (38.8%, +15.5 pts), elected", post.Lines[1]);
    }

    [Fact]
    public void ComposeCorrection_SameCallOtherVotes_SaysTheCallStandsAndWhatMoved()
    {
        var revised = Ecclesall2024 with { Revision = 2, Turnout = 6550 };

        var post = Composer.ComposeCorrection(Ecclesall2024, revised, Books.With(Ecclesall2023, revised));

        Assert.Equal("Correction — Ecclesall (Sheffield): our earlier post gave other figures; the call stands: Liberal Democrats hold", post.Headline);
        Assert.Equal("Turnout 6,550 ballots (was 6,540).", post.Lines[0]);
    }

    [Fact]
    public void Compose_WinnerOutpolledByALoser_IsPostedAsWhatItIsWithNoMajority()
    {
        var muddled = Ward.Result("Sheffield", "Walkley", Poll2024, Ward.Candidate("Mia Rowe", "Green", 2300, elected: true), Ward.Candidate("Ned Carver", "Lab", 2700));

        var post = Composer.Compose(muddled, Books.With(muddled));

        Assert.Equal("Walkley (Sheffield): declared Greens win; the figures show Ned Carver (Labour) ahead of a winner — awaiting confirmation", post.Headline);
        Assert.Equal(["Ned Carver (Labour) 2,700 (54.0%)", "Mia Rowe (Green) 2,300 (46.0%), elected"], post.Lines);
    }

    [Fact]
    public void Digest_OfWardPosts_CountsResultsNotCouncils()
    {
        var posts = new[] { Composer.Compose(Ecclesall2023, Books.With(Ecclesall2023)), Composer.Compose(Ecclesall2024, Books.With(Ecclesall2023, Ecclesall2024)) };

        var digest = new DigestComposer(Culture.EnGb).Compose(posts);

        Assert.Equal("2 results declared", digest.Headline);
        Assert.Equal(["Ecclesall (Sheffield): Liberal Democrats win", "Ecclesall (Sheffield): Liberal Democrats hold"], digest.Lines);
    }
}
