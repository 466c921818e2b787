using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Ballots;

public sealed class WardSubscriptionTests
{
    private static readonly DateOnly Poll = new(2024, 5, 2);
    private static readonly WardPostComposer Composer = new(Culture.EnGb);

    private static readonly Post SheffieldWard = Ward(Builders.Ward.Result("Sheffield", "Ecclesall", Poll, Builders.Ward.Candidate("Eve Thornton", "LD", 3250, elected: true)));

    private static readonly Post BarnsleyWard = Ward(Builders.Ward.Result("Barnsley", "Darton East", Poll, Builders.Ward.Candidate("Pat Quinn", "Lab", 1500, elected: true)));

    private static readonly Post ByElection = Ward(Builders.Ward.ByElection("Barnsley", "Darton East", Poll, Builders.Ward.Candidate("Tom Ure", "Reform", 1400, elected: true)));

    [Fact]
    public void Everything_LeavesWardResultsOut_ButTakesByElections()
    {
        Assert.False(SubscriptionFilter.Everything.Matches(SheffieldWard));
        Assert.True(SubscriptionFilter.Everything.Matches(ByElection));
    }

    [Theory]
    [InlineData("wards")]
    [InlineData("types wards")]
    [InlineData("types councils, wards")]
    public void AskingForWards_TakesThem(string clause)
    {
        Assert.True(Parse(clause).Matches(SheffieldWard));
    }

    [Fact]
    public void WardsInOneCouncil_TakesThatCouncilsWardsOnly()
    {
        var filter = Parse("councils Sheffield; wards");

        Assert.True(filter.Matches(SheffieldWard));
        Assert.False(filter.Matches(BarnsleyWard));
    }

    [Fact]
    public void TypesByElections_TakesByElectionsAndNotWards()
    {
        var filter = Parse("types by-elections");

        Assert.True(filter.Matches(ByElection));
        Assert.False(filter.Matches(BarnsleyWard));
    }

    [Fact]
    public void WardsClause_IsWrittenBackAndDescribed()
    {
        var filter = Parse("party Green; wards");

        Assert.Equal("party Green; wards", SubscriptionText.Write(filter));
        Assert.True(SubscriptionParser.ReadStored(SubscriptionText.Write(filter)).Wards);
        Assert.Equal("every result, involving Greens, ward results too, each as it comes, with the map at milestones. Night-wide news (milestones, the national share) too.", SubscriptionText.Describe(filter));
    }

    private static Post Ward(Domain.Messages.WardResult result) => Composer.Compose(result, Books.With(result));

    private static SubscriptionFilter Parse(string text) =>
        SubscriptionParser.Parse(text, new Dictionary<string, string> { ["sheffield"] = "Sheffield", ["barnsley"] = "Barnsley" }, [new Domain.Parties.PartyCode("Green")]).Filter
        ?? throw new InvalidOperationException(text);
}
