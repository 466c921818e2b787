using System.Text;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Feeds.Pa;

namespace ResultsBot.Feeds.Tests.Pa;

public sealed class CandidateReaderTests
{
    [Fact]
    public void Parse_HackneyMayoralResultRevision3_IsAGreenGainWithEveryFigure()
    {
        var result = Assert.IsType<CandidateResult>(Single("Mayoral_Elections_Test_result_Hackney_3.xml"));

        Assert.Equal(3, result.Revision);
        Assert.Equal(new Contest(ContestKind.Mayor, "Hackney", "Mayoral Elections Test", "M", 182136), result.Contest);
        Assert.Equal("result/mayor/hackney", result.Key);
        Assert.Equal(new PartyCode("Green"), result.WinningParty);
        Assert.Equal(new PartyCode("Lab"), result.Sitting);
        Assert.True(result.Gain);
        Assert.Equal(138910, result.Turnout);
        Assert.Equal(76.27m, result.TurnoutPercent);
        Assert.Equal(36904, result.Majority);
        Assert.Equal(26.57m, result.MajorityPercent);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 12, 38, 10, TimeSpan.Zero), result.DeclaredAt);
        Assert.Equal(7, result.Candidates.Count);
        Assert.Equal(new Candidate("Jim", "Harvey Test", new PartyCode("Green"), "Green", Elected: true, Votes: 62806, Share: 45.21m), result.Winner);
        Assert.Equal("John Cooper Test", result.RunnerUp?.Name);
    }

    [Fact]
    public void Parse_HackneyRushRevision2_IsTheCorrectedCallKeyedApartFromTheResult()
    {
        var rush = Assert.IsType<CandidateRush>(Single("Mayoral_Elections_Test_rush_Hackney_2.xml"));

        Assert.Equal(2, rush.Revision);
        Assert.Equal("rush/mayor/hackney", rush.Key);
        Assert.Equal(new PartyCode("Green"), rush.WinningParty);
        Assert.Equal(new PartyCode("Lab"), rush.Sitting);
        Assert.True(rush.Gain);
        Assert.Equal("Jim Harvey Test", rush.Winner?.Name);
        Assert.Equal("Correction: Green gain from Labour in Hackney", rush.PaText);
    }

    [Fact]
    public void Parse_HackneyMayoralNominations_ListsTheSevenCandidates()
    {
        var nominations = Assert.IsType<CandidateNominations>(Single("Mayoral_Elections_Test_nominations_Hackney_1.xml"));

        Assert.Equal("nominations/mayor/hackney", nominations.Key);
        Assert.Equal(
            ["Phil Griffin Test", "John Cooper Test", "Isla Barker Test", "Jim Harvey Test", "Funke Owens Test", "Ian Hutton Test", "Michael Leach Test"],
            nominations.Candidates.Select(c => c.Name));
        Assert.All(nominations.Candidates, c => Assert.False(c.Elected));
    }

    [Fact]
    public void Parse_AberdeenCentralResult_IsAScottishConstituencyWithChangesOnLastTime()
    {
        var result = Assert.IsType<CandidateResult>(Single("Scottish_Parliament_Test_result_Aberdeen_Central_1.xml"));

        Assert.Equal(ContestKind.Constituency, result.Contest.Kind);
        Assert.Equal("Scottish Parliament", result.Contest.Parliament);
        Assert.Equal("result/seat/s/aberdeen central", result.Key);
        Assert.Equal(9.32m, result.TurnoutChange);
        Assert.Equal(new PartyCode("Reform"), result.WinningParty);
        var snp = result.Candidates.Single(c => c.Party == new PartyCode("SNP"));
        Assert.True(snp.Sitting);
        Assert.Equal(-31.25m, snp.ShareChange);
    }

    [Fact]
    public void Parse_EdinburghTopUpResult_IsARegionalListWithMembersAndPartyVotes()
    {
        var list = Assert.IsType<ListResult>(Single("Scottish_Parliament_Test_result_Edinburgh_and_Lothians_East_1.xml"));

        Assert.False(list.Provisional);
        Assert.Equal(ContestKind.Region, list.Contest.Kind);
        Assert.Equal("Edinburgh & Lothians East", list.Contest.Name);
        Assert.Equal("result/region/s/edinburgh and lothians east", list.Key);
        Assert.Equal(7, list.Elected.Count);
        Assert.Equal(new PartyVote(new PartyCode("C"), "Conservative", 97676, 26.98m, 7.06m), list.Parties[0]);
        Assert.Equal(361975, list.Turnout);
    }

    [Fact]
    public void Parse_WelshTopUpRush_IsProvisionalWithSixMembers()
    {
        var list = Assert.IsType<ListResult>(Single("Welsh_Parliament_Test_rush_Afan_Ogwr_Rhondda_1.xml"));

        Assert.True(list.Provisional);
        Assert.Equal("rush/region/w/afan ogwr rhondda", list.Key);
        Assert.Equal(6, list.Elected.Count);
        Assert.Empty(list.Parties);
    }

    [Fact]
    public void Parse_ScottishStateOfParties_GivesSeatsGainsLossesAndShares()
    {
        var state = Assert.IsType<ParliamentStateOfParties>(Single("Scottish_Parliament_Test_SOP_73.xml"));

        Assert.Equal(73, state.NumberOfResults);
        Assert.Equal(73, state.TotalContests);
        Assert.False(state.List);
        Assert.Equal(new ParliamentParty(new PartyCode("SNP"), "Scottish National Party", 31, 0, 32, 902246, 32.97m, -11.44m), state.Parties[0]);
    }

    [Fact]
    public void Parse_PoliceElection_IsAPoliceAndCrimeCommissioner()
    {
        const string xml = """
            <FirstPastThePostRush revision="1"><Election name="Police and Crime Commissioner Elections" date="2026-05-06" type="P">
              <Constituency number="1" name="Kent" gainOrHold="hold" winningPartyAbbreviation="C" sittingPartyAbbreviation="C">
                <Candidate elected="*" firstName="A" surname="B"><Party name="Conservative" abbreviation="C"/></Candidate>
              </Constituency></Election></FirstPastThePostRush>
            """;

        var rush = Assert.IsType<CandidateRush>(Assert.Single(PaFeedParser.Parse(Encoding.UTF8.GetBytes(xml)).Messages));

        Assert.Equal(ContestKind.PoliceCommissioner, rush.Contest.Kind);
        Assert.Equal("rush/pcc/kent", rush.Key);
    }

    [Fact]
    public void Parse_ShareAbove100_IsRefusedWithAReason()
    {
        const string xml = """
            <FirstPastThePostResult revision="1"><Election name="Mayoral Elections Test" type="M">
              <Constituency name="Hackney" winningParty="Lab"><Candidate elected="*" firstName="A" surname="B"><Party name="Labour" abbreviation="Lab" votes="5" percentageShare="480"/></Candidate></Constituency>
            </Election></FirstPastThePostResult>
            """;

        var outcome = PaFeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.True(outcome.IsBad);
        Assert.Equal("FirstPastThePostResult: <Party> percentageShare='480' is not a percentage", outcome.Problem);
    }

    private static FeedMessage Single(string file)
    {
        var outcome = PaFeedParser.Parse(SharedFeeds.PaBytes(file));
        Assert.False(outcome.IsBad, outcome.Problem);
        return Assert.Single(outcome.Messages);
    }
}
