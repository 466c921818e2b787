using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Ballots;

public sealed class WardCommandTests
{
    private static readonly DateOnly Poll = new(2024, 5, 2);
    private static readonly CommandEngine Engine = new(Culture.EnGb);

    private static readonly ResultsBook Night = Books.With(
        Ward.Result("Sheffield", "Ecclesall", Poll, Ward.Candidate("Eve Thornton", "LD", 3250, elected: true), Ward.Candidate("Frank Ashdown", "Lab", 1300)),
        Ward.Result("Leeds", "Central", Poll, Ward.Candidate("A One", "Lab", 900, elected: true), Ward.Candidate("B Two", "Green", 100)),
        Ward.Result("Oldham", "Central", Poll, Ward.Candidate("C Three", "Lab", 800, elected: true), Ward.Candidate("D Four", "C", 200)));

    [Fact]
    public void Answer_WardName_GivesItsResult()
    {
        var answer = Engine.Answer("/ward ecclesall", Night);

        Assert.True(answer.Ok);
        Assert.Equal(
            "Ecclesall (Sheffield): Liberal Democrats win\nEve Thornton (Liberal Democrat) 3,250 (71.4%), elected\nFrank Ashdown (Labour) 1,300 (28.6%)\nMajority 1,950.",
            answer.Text);
    }

    [Fact]
    public void Answer_NameTwoCouncilsShare_ListsThemToChooseFrom()
    {
        var answer = Engine.Answer("/ward Central", Night);

        Assert.False(answer.Ok);
        Assert.Equal("Which one? Central (Leeds) or Central (Oldham)", answer.Text);
    }

    [Theory]
    [InlineData("/ward Central Oldham")]
    [InlineData("/ward Central (Oldham)")]
    public void Answer_WardWithCouncil_GivesThatOne(string input)
    {
        Assert.StartsWith("Central (Oldham): Labour win\n", Engine.Answer(input, Night).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_UnknownWard_SaysSoAndEchoesSafely()
    {
        var answer = Engine.Answer("/ward Nowhere <@everyone>", Night);

        Assert.False(answer.Ok);
        Assert.Equal("I have no ward result for \"Nowhere everyone\".", answer.Text);
    }

    [Fact]
    public void Answer_NoWardResultsYet_SaysSo()
    {
        Assert.Equal("No ward results have come in yet.", Engine.Answer("/ward Ecclesall", ResultsBook.Empty).Text);
    }
}
