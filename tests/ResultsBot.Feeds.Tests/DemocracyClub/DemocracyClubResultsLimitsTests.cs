using System.Text;

namespace ResultsBot.Feeds.Tests.DemocracyClub;

/// <summary>Vote counts that are not whole numbers, or add up to more than a ward has, make the page bad with a reason.</summary>
public sealed class DemocracyClubResultsLimitsTests
{
    [Theory]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("2147483648")]
    [InlineData("\"12\"")]
    public void Parse_VoteCountThatIsNotACount_IsABadPageNamingTheBallot(string votes)
    {
        var outcome = FeedParser.Parse(Result(votes, "10"), "page.json");

        Assert.Equal($"Democracy Club results: local.sheffield.ecclesall.2024-05-02: num_ballots {votes} is not a whole number from 0 to 10,000,000", outcome.Problem);
    }

    [Fact]
    public void Parse_VotesAddingUpPastAnyWard_IsABadPage()
    {
        var outcome = FeedParser.Parse(Result("10000000", "10000000"), "page.json");

        Assert.Equal("Democracy Club results: local.sheffield.ecclesall.2024-05-02: the candidates' votes add up to more than 10,000,000, which no ward has", outcome.Problem);
    }

    private static byte[] Result(string firstVotes, string secondVotes) => Encoding.UTF8.GetBytes($$"""
        {"results": [{"ballot": {"ballot_paper_id": "local.sheffield.ecclesall.2024-05-02"}, "candidate_results": [
          {"person": {"name": "Eve Thornton"}, "party": {"ec_id": "PP90", "name": "Liberal Democrats"}, "num_ballots": {{firstVotes}}, "elected": true},
          {"person": {"name": "Frank Ashdown"}, "party": {"ec_id": "PP53", "name": "Labour Party"}, "num_ballots": {{secondVotes}}, "elected": false}]}]}
        """);
}
