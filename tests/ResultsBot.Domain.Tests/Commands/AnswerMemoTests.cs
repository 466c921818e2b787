using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

/// <summary>The engine gives an answer again while the book stands, and never once the book has changed.</summary>
public class AnswerMemoTests
{
    private readonly CommandEngine _engine = new(Culture.EnGb);

    [Fact]
    public void Answer_SameQuestionSameBook_IsTheAnswerAlreadyMade()
    {
        var book = Books.With(Night.Bolton);

        Assert.Same(_engine.Answer("/council Bolton", book), _engine.Answer("/council Bolton", book));
    }

    [Fact]
    public void Answer_AfterTheFeedCorrectsTheResult_GivesTheCorrectedFigures()
    {
        var first = Declaration.Of("Thurrock").ByThirds().Control("Lab", "NOC").Elected(("Lab", 12), ("C", 5)).NewCouncil(("Lab", 27), ("C", 22)).Build();
        var corrected = Declaration.Of("Thurrock").ByThirds().Revision(2).Control("Lab", "NOC").Elected(("Lab", 13), ("C", 4)).NewCouncil(("Lab", 28), ("C", 21)).Build();
        var book = Books.With(first);
        var before = _engine.Answer("/council Thurrock", book).Text;

        var after = _engine.Answer("/council Thurrock", book.Accept(corrected).Book).Text;

        Assert.Contains("Seats won: Labour 12, Conservatives 5", before, StringComparison.Ordinal);
        Assert.Contains("Seats won: Labour 13, Conservatives 4", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_ShareSet_IsWorkedOutForEachCaller()
    {
        // Who asks decides /share set's answer: it must never be handed on to the next person.
        var admin = new Caller("U1", IsAdmin: true);
        var member = new Caller("U2", IsAdmin: false);
        const string set = "/share set Lab 34 Con 25 source \"BBC\"";

        var allowed = _engine.Answer(set, ResultsBook.Empty, admin);
        var refused = _engine.Answer(set, ResultsBook.Empty, member);

        Assert.Equal((true, false), (allowed.Ok, refused.Ok));
    }

    [Fact]
    public void Answer_MoreQuestionsThanItKeeps_AreEachAnsweredRight()
    {
        var book = Books.With(Night.Bolton, Night.Adur);
        var asked = Enumerable.Range(0, 1100).Select(i => _engine.Answer($"/council Nowhere{i}", book)).ToList();

        Assert.All(asked, (answer, i) => Assert.Contains($"Nowhere{i}", answer.Text, StringComparison.Ordinal));
        Assert.Contains("Adur", _engine.Answer("/council Adur", book).Text, StringComparison.Ordinal);
    }
}
