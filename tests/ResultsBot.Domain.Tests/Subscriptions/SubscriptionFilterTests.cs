using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Subscriptions;

public class SubscriptionFilterTests
{
    private static readonly DeclarationPostComposer Composer = new(Culture.EnGb);

    private static readonly Post ThurrockGain = Post(Declaration.Of("Thurrock").Control("Lab", "C").NewCouncil(("Lab", 30), ("C", 17), ("Ind", 2)).Changes(("Lab", 14), ("C", -12), ("Ind", -2)).Build());

    private static readonly Post HackneyHold = Post(Declaration.Of("Hackney").Control("Lab", "Lab").NewCouncil(("Lab", 50), ("Green", 7)).Changes(("Lab", -2), ("Green", 2)).Build());

    private static readonly Post LeedsHold = Post(Declaration.Of("Leeds").ByThirds().Control("Lab", "Lab").Elected(("Lab", 20), ("C", 5)).NewCouncil(("Lab", 60), ("C", 39)).Build());

    private static readonly Post Milestone = new(PostKind.Milestone, "milestone/half", "Half the councils have declared", ["54 of 107 declared"]);

    [Fact]
    public void Matches_Everything_TakesEveryPost()
    {
        Assert.All([ThurrockGain, HackneyHold, LeedsHold, Milestone], post => Assert.True(SubscriptionFilter.Everything.Matches(post)));
    }

    [Fact]
    public void Matches_Region_TakesItsCouncilsOnlyAndNoNightWideNews()
    {
        var london = Parse("region London");

        Assert.True(london.Matches(HackneyHold));
        Assert.False(london.Matches(ThurrockGain));
        Assert.False(london.Matches(Milestone));
    }

    [Fact]
    public void Matches_Nation_TakesEveryEnglishCouncil()
    {
        var england = Parse("nation England");

        Assert.True(england.Matches(LeedsHold));
        Assert.True(england.Matches(ThurrockGain));
        Assert.False(Parse("nation Wales").Matches(LeedsHold));
    }

    [Fact]
    public void Matches_PartyAndChanges_OnlyChangesOfControlInvolvingIt()
    {
        Assert.True(Parse("party Green").Matches(HackneyHold)); // the Greens gained seats there
        Assert.False(Parse("party Green").Matches(ThurrockGain));
        Assert.True(Parse("party Tories; changes").Matches(ThurrockGain));
        Assert.False(Parse("party Green; changes").Matches(HackneyHold));
        Assert.True(Parse("party Green").Matches(Milestone));
    }

    [Fact]
    public void Matches_CouncilsAndRegion_AddUp()
    {
        var filter = Parse("region London; councils Hull, leeds");

        Assert.True(filter.Matches(HackneyHold));
        Assert.True(filter.Matches(LeedsHold));
        Assert.False(filter.Matches(ThurrockGain));
    }

    [Fact]
    public void Matches_ElectionTypes_CouncilsOnlyOrMayorsOnly()
    {
        Assert.True(Parse("types councils").Matches(LeedsHold));
        Assert.False(Parse("types mayors").Matches(LeedsHold));
    }

    [Fact]
    public void Matches_HullByEitherName_IsTheSameCouncil()
    {
        var hull = Post(Declaration.Of("Hull").Control("LD", "LD").NewCouncil(("LD", 40), ("Lab", 17)).Build());

        Assert.True(Parse("councils Kingston upon Hull").Matches(hull));
        Assert.True(Parse("region Yorkshire").Matches(hull));
    }

    private static SubscriptionFilter Parse(string text) =>
        SubscriptionParser.Parse(text, Regions.KnownCouncils, []).Filter ?? throw new InvalidOperationException(text);

    private static Post Post(Domain.Messages.CouncilDeclaration declaration) => Composer.Compose(declaration, Books.With(declaration));
}
