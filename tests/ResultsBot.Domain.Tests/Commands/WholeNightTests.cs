using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

/// <summary>A night of mayors and police and crime commissioners only: the night-level commands still tell it.</summary>
public class WholeNightTests
{
    private static readonly Contest WestMidlands = new(ContestKind.Mayor, "West Midlands", "Mayoral Elections", "M");
    private static readonly Contest Kent = new(ContestKind.PoliceCommissioner, "Kent", "Police and Crime Commissioner Elections", "P");
    private static readonly Contest Essex = new(ContestKind.PoliceCommissioner, "Essex", "Police and Crime Commissioner Elections", "P");

    private readonly CommandEngine _engine = new(Culture.EnGb);
    private readonly ResultsBook _night = Books.With(
        new CandidateNominations(1, Kent, []),
        new CandidateNominations(1, Essex, []),
        new CandidateNominations(1, new Contest(ContestKind.PoliceCommissioner, "Surrey", "Police and Crime Commissioner Elections", "P"), []),
        Candidates.GreenGain(),
        Candidates.Rush(1, "Lab", "C", gain: true, contest: WestMidlands),
        Candidates.Rush(1, "C", "C", gain: false, contest: Kent),
        Candidates.Rush(1, "Lab", "C", gain: true, contest: Essex));

    [Fact]
    public void Scoreboard_MayorsAndCommissionersOnly_GivesWhatHasDeclared()
    {
        Assert.Equal(
            """
            Mayors: 2 declared — Greens 1 (+1), Labour 1 (+0), Conservatives 0 (-1)
            Police and crime commissioners: 2 of 3 declared — Conservatives 1 (-1), Labour 1 (+1)
            """.Replace("(+0)", "(±0)", StringComparison.Ordinal),
            _engine.Answer("/scoreboard", _night).Text);
    }

    [Fact]
    public void Gains_MayorsAndCommissioners_ListsEveryChangeOfHands()
    {
        var lines = _engine.Answer("/gains", _night).Text.Split('\n');

        Assert.Equal("3 changes of control, newest first:", lines[0]);
        Assert.Equal(3, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains("West Midlands", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Essex", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Hackney", StringComparison.Ordinal));
    }

    [Fact]
    public void Party_MayorsAndCommissioners_GivesThePartysPosts()
    {
        Assert.Equal(
            """
            Labour, mayors and police and crime commissioners so far:
            Mayors: 1 won (+0) — West Midlands (gain from Conservatives); lost Hackney to Greens
            Police and crime commissioners: 1 won (+1) — Essex (gain from Conservatives)
            """.Replace("(+0)", "(±0)", StringComparison.Ordinal),
            _engine.Answer("/party Labour", _night).Text);
    }

    [Fact]
    public void Mayor_NoName_ListsTheResultsSoFarNewestFirst()
    {
        var answer = _engine.Answer("/mayor", _night);

        Assert.True(answer.Ok);
        Assert.Equal(2, answer.Text.Split('\n').Length - 1);
        Assert.StartsWith("2 mayors declared, newest first:\n", answer.Text, StringComparison.Ordinal);
        Assert.Contains("West Midlands mayor: Labour gain from Conservatives", answer.Text, StringComparison.Ordinal);
        Assert.StartsWith("2 of 3 police and crime commissioners declared, newest first:\n", _engine.Answer("/pcc", _night).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/mayor west mids", "West Midlands")]
    [InlineData("/mayor Harvey", "Hackney")]
    [InlineData("/mayor Jim Harvey", "Hackney")]
    public void Mayor_ShortFormOrCandidate_FindsTheMayoralty(string command, string area)
    {
        var answer = _engine.Answer(command, _night);

        Assert.True(answer.Ok, answer.Text);
        Assert.StartsWith(area + " mayor", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mayor_AreaWithoutGreater_FindsIt()
    {
        var manchester = new Contest(ContestKind.Mayor, "Greater Manchester", "Mayoral Elections", "M");
        var book = Books.With(Candidates.Rush(1, "Lab", "Lab", gain: false, contest: manchester));

        Assert.StartsWith("Greater Manchester mayor", _engine.Answer("/mayor Manchester", book).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mayor_Typo_SuggestsRatherThanAnswering()
    {
        var answer = _engine.Answer("/mayor Hackny", _night);

        Assert.False(answer.Ok);
        Assert.Equal("No mayoralty called \"Hackny\" in tonight's results. Did you mean Hackney?", answer.Text);
    }
}
