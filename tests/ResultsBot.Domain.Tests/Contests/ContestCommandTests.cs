using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Contests;

public sealed class ContestCommandTests
{
    private readonly CommandEngine _engine = new(Culture.EnGb);

    [Fact]
    public void Mayor_Declared_AnswersTheFullResult()
    {
        var answer = _engine.Answer("/mayor hackney", Books.With(Candidates.GreenGain()));

        Assert.True(answer.Ok);
        Assert.Equal(
            """
            Hackney mayor: Jim Harvey (Green) gains from Labour, beating John Cooper by 36,904 votes
            Turnout 76.3% (138,910 of an electorate of 182,136), +4.5 pts on last time.
            Votes: Jim Harvey (Green) 62,806 (45.2%)
            John Cooper (Labour) 25,902 (18.7%, -30.1 pts)
            Ian Hutton (Independent) 2,089 (1.5%)
            """.ReplaceLineEndings("\n"),
            answer.Text);
    }

    [Fact]
    public void Mayor_Declared_AsksForTheCandidatesChartOfThatResult()
    {
        var result = Candidates.GreenGain();

        var answer = _engine.Answer("/mayor hackney", Books.With(result));

        Assert.Equal(new PictureRequest(PictureKind.Candidates, result.Key), answer.Picture);
        Assert.Null(_engine.Answer("/mayor Hackney", Books.With(Candidates.Rush(1, "Green", "Lab", gain: true))).Picture);
    }

    [Fact]
    public void Mayor_OnlyARush_AnswersTheCall()
    {
        var answer = _engine.Answer("/mayor Hackney", Books.With(Candidates.Rush(1, "Green", "Lab", gain: true)));

        Assert.Equal("Hackney mayor: Greens gain from Labour\nFull result to follow.", answer.Text);
    }

    [Fact]
    public void Mayor_OnlyNominations_ListsWhoIsStanding()
    {
        var nominations = new CandidateNominations(1, Candidates.Hackney, [Candidates.Cooper with { Votes = null, Share = null, ShareChange = null }, Candidates.Harvey with { Elected = false, Votes = null, Share = null }]);

        var answer = _engine.Answer("/mayor Hackney", Books.With(nominations));

        Assert.Equal("Hackney mayor: not declared yet.\nMayor of Hackney.\nStanding: John Cooper (Labour, sitting), Jim Harvey (Green)", answer.Text);
    }

    [Fact]
    public void Mayor_Unknown_IsAProblemNamingWhatWasAsked()
    {
        var answer = _engine.Answer("/mayor Leeds", Books.With(Candidates.GreenGain()));

        Assert.False(answer.Ok);
        Assert.Equal("No mayoralty called \"Leeds\" in tonight's results.", answer.Text);
    }

    [Fact]
    public void Seat_ScottishConstituency_AnswersItsResult()
    {
        var result = new CandidateResult(1, Candidates.AberdeenCentral, [Candidates.Harvey with { PartyName = "Reform UK", Party = new PartyCode("Reform") }], new PartyCode("Reform"), new PartyCode("SNP"), true, null, null, null, null, null);

        var answer = _engine.Answer("/seat aberdeen central", Books.With(result));

        Assert.StartsWith("Aberdeen Central: Jim Harvey (Reform UK) gains from SNP\nScottish Parliament constituency.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Council_NameThatIsOnlyAMayoralty_SaysToAskForTheMayor()
    {
        var answer = _engine.Answer("/council Hackney", Books.With(Candidates.GreenGain()));

        Assert.False(answer.Ok);
        Assert.Equal("There is no council called \"Hackney\" tonight; Hackney is a mayoralty (/mayor Hackney).", answer.Text);
    }

    [Fact]
    public void Council_NameThatIsAlsoAMayoralty_AnswersTheCouncilAndPointsToTheMayor()
    {
        var answer = _engine.Answer("/council Hackney", Books.With(Declaration.Of("Hackney").Build(), Candidates.GreenGain()));

        Assert.True(answer.Ok);
        Assert.EndsWith("\nHackney is also a mayoralty (/mayor Hackney) tonight.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scoreboard_ParliamentStateOnly_ShowsTheParliament()
    {
        var state = new ParliamentStateOfParties(73, "Scottish Parliament", "S", false, 73, 73,
            [new ParliamentParty(new PartyCode("SNP"), "Scottish National Party", 31, 0, 32, 902246, 32.97m, -11.44m), new ParliamentParty(new PartyCode("C"), "Conservative", 18, 13, 0, 744200, 27.2m, 4.33m)]);

        var answer = _engine.Answer("/scoreboard", Books.With(state));

        Assert.Equal(
            """
            Scottish Parliament, constituencies: 73 of 73 declared (PA)
              Party                Seats  +/-   Share
              SNP                     31  -32   33.0%
              Conservatives           18  +13   27.2%
            """.ReplaceLineEndings("\n"),
            answer.Text);
    }

    [Fact]
    public void Pcc_Kinds_AreTheirOwn()
    {
        var kent = new CandidateRush(1, new Contest(ContestKind.PoliceCommissioner, "Kent", "Police and Crime Commissioner", "P"), null, new PartyCode("C"), new PartyCode("C"), false, null);

        Assert.Equal("Kent police and crime commissioner: Conservatives hold\nFull result to follow.", _engine.Answer("/pcc kent", Books.With(kent)).Text);
        Assert.Equal(new CommandAnswer("No mayoralty called \"kent\": tonight's results have no mayoral elections.", false), _engine.Answer("/mayor kent", Books.With(kent)));
    }

    [Fact]
    public void Complete_Seat_SuggestsSeatsButNotMayoralties()
    {
        var book = Books.With(Candidates.GreenGain(), Candidates.Rush(1, "Reform", "SNP", gain: true, Candidates.AberdeenCentral));

        Assert.Equal(["Aberdeen Central"], CommandEngine.Complete("seat", "aber", book));
        Assert.Empty(CommandEngine.Complete("seat", "hack", book));
        Assert.Equal(["Hackney"], CommandEngine.Complete("mayor", "Hac", book));
    }
}
