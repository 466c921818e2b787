using System.Text;
using ResultsBot.Domain.Messages;

namespace ResultsBot.Feeds.Tests.DemocracyClub;

public sealed class DemocracyClubResultsParserTests
{
    [Fact]
    public void Parse_PageOfResults_ReadsEachWardWithCandidatesTurnoutAndNamesFromTheBallotId()
    {
        var outcome = FeedParser.Parse(SharedFeeds.Fixture("democracy-club/2024-results-page-1.json"));

        Assert.False(outcome.IsBad, outcome.Problem);
        var wards = outcome.Messages.Cast<WardResult>().ToList();
        Assert.Equal(["local.sheffield.ecclesall.2024-05-02", "local.sheffield.walkley.2024-05-02"], wards.Select(w => w.BallotId));
        var ecclesall = wards[0];
        Assert.Equal("ward/local.sheffield.ecclesall.2024-05-02", ecclesall.Key);
        Assert.Equal(("local", "Sheffield", "Ecclesall", new DateOnly(2024, 5, 2), false), (ecclesall.Tier, ecclesall.Organisation, ecclesall.Area, ecclesall.Date, ecclesall.IsByElection));
        Assert.Equal(6540, ecclesall.Turnout);
        Assert.Equal(38.2m, ecclesall.TurnoutPercent);
        Assert.Equal(5, ecclesall.Candidates.Count);
        Assert.Equal(new WardCandidate("Eve Thornton", "Liberal Democrats", "PP90", 3250, true), ecclesall.Candidates[0]);
        Assert.Equal(new WardCandidate("Frank Ashdown", "Labour Party", "PP53", 1300, false), ecclesall.Candidates[1]);
        Assert.Equal(1, ecclesall.Revision);
    }

    [Fact]
    public void Parse_ByElectionAndMayoralBallot_ReadsTheByElectionAndLeavesTheMayorOut()
    {
        var outcome = FeedParser.Parse(SharedFeeds.Fixture("democracy-club/2024-results-page-2.json"));

        var byElection = Assert.IsType<WardResult>(Assert.Single(outcome.Messages));
        Assert.True(byElection.IsByElection);
        Assert.Equal("Darton East (Barnsley)", byElection.Title);
        Assert.Equal(new DateOnly(2024, 7, 4), byElection.Date);
        Assert.Equal("local/Barnsley/Darton East", byElection.Seat);
    }

    [Fact]
    public void Parse_OneResultWithRevisionAddedBySource_TakesTheRevision()
    {
        const string json = """
            {"ballot": {"ballot_paper_id": "parl.hexham.by.2024-07-04"}, "num_turnout_reported": null, "revision": 140000000,
             "candidate_results": [{"person": {"name": "Ann Example"}, "party": {"ec_id": "PP52", "name": "Conservative and Unionist Party"}, "num_ballots": 20000, "elected": true}]}
            """;

        var result = Assert.IsType<WardResult>(Assert.Single(FeedParser.Parse(Encoding.UTF8.GetBytes(json)).Messages));

        Assert.Equal(140000000, result.Revision);
        Assert.Null(result.Organisation);
        Assert.Equal("Hexham", result.Title);
        Assert.Null(result.Turnout);
    }

    [Theory]
    [InlineData("""{"results": [{"ballot": {"ballot_paper_id": "local.leeds.headingley.2024-05-02"}}]}""", "Democracy Club results: \"candidate_results\" is missing")]
    [InlineData("""{"results": [{"ballot": {}, "candidate_results": []}]}""", "Democracy Club results: \"ballot_paper_id\" is missing")]
    [InlineData("""{"results": [{"ballot": {"ballot_paper_id": "local.leeds.headingley.2024-05-02"}, "candidate_results": [{"person": {"name": "A"}, "party": {"name": "Green Party"}, "num_ballots": -4, "elected": false}]}]}""", "Democracy Club results: local.leeds.headingley.2024-05-02: num_ballots -4 is not a whole number from 0 to 10,000,000")]
    [InlineData("""{"results": [{"ballot": {"ballot_paper_id": "local.leeds.headingley.2024-05-02"}, "candidate_results": [{"person": {"name": "A"}, "party": {"name": "Green Party"}, "num_ballots": "many", "elected": false}]}]}""", "Democracy Club results: local.leeds.headingley.2024-05-02: num_ballots \"many\" is not a whole number from 0 to 10,000,000")]
    [InlineData("""{"count": 0, "next": null}""", "Democracy Club results: neither a page of Democracy Club results (\"results\": [...]) nor one result (\"ballot\": {...})")]
    public void Parse_BadResult_RefusesWithReason(string json, string reason)
    {
        var outcome = FeedParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(reason, outcome.Problem);
    }

    [Fact]
    public void Parse_BrokenJson_SaysSo()
    {
        var outcome = FeedParser.Parse("{\"results\": [ {"u8.ToArray());

        Assert.StartsWith("not well-formed JSON", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_XmlStillGoesToThePaParser()
    {
        var outcome = FeedParser.Parse(SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"));

        Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages));
    }
}
