using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class PlainQuestionsTests
{
    private readonly CommandEngine _engine = new(Culture.EnGb);
    private readonly ResultsBook _book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland).ExpectCouncils(["Wigan"]);

    [Theory]
    [InlineData("who won Sunderland?", "/council Sunderland")]
    [InlineData("Who has won Adur", "/council Adur")]
    [InlineData("results for Bolton", "/council Bolton")]
    [InlineData("has Wigan declared yet?", "/council Wigan")]
    [InlineData("how many seats have the Tories lost?", "/party Tories")]
    [InlineData("how many councillors has Labour won", "/party Labour")]
    [InlineData("how are the Lib Dems doing", "/party Lib Dems")]
    [InlineData("what's the national share?", "/share")]
    [InlineData("who's still to declare", "/awaiting")]
    [InlineData("what's the score", "/scoreboard")]
    public void Answer_QuestionInWords_GetsTheSameAnswerAsItsCommand(string question, string command)
    {
        var answer = _engine.Answer(question, _book);

        Assert.Equal(_engine.Answer(command, _book), answer);
    }

    [Fact]
    public void Answer_QuestionItDoesNotKnow_SaysWhatWorks()
    {
        var answer = _engine.Answer("when is the next election", _book);

        Assert.False(answer.Ok);
        Assert.Equal("I don't know the command \"/when\". /help lists the ones I do; questions such as \"who won Birmingham\" or \"how are Labour doing\" work too.", answer.Text);
    }
}
