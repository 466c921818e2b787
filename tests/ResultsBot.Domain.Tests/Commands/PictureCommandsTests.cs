using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class PictureCommandsTests
{
    private readonly CommandEngine _engine = new(Culture.EnGb);
    private readonly ResultsBook _book = Books.With(Night.Adur, Night.Bolton, Night.Sunderland).ExpectCouncils(["Wigan"]);

    [Fact]
    public void Map_SaysWhatItShowsAndAsksForTheMap()
    {
        var answer = _engine.Answer("/map", _book);

        Assert.Equal("Council control tonight: 3 of 4 councils declared.", answer.Text);
        Assert.Equal(new PictureRequest(PictureKind.Map), answer.Picture);
    }

    [Fact]
    public void Chamber_DeclaredCouncil_AsksForItsChamber()
    {
        var answer = _engine.Answer("/chamber sunderland", _book);

        Assert.Equal("Labour hold Sunderland", answer.Text);
        Assert.Equal(new PictureRequest(PictureKind.Chamber, "council/sunderland"), answer.Picture);
    }

    [Fact]
    public void Chamber_CouncilNotDeclaredOrNotFound_SaysWhatCouncilWouldWithNoPicture()
    {
        var waiting = _engine.Answer("/chamber Wigan", _book);
        var missing = _engine.Answer("/chamber Sutton", _book);

        Assert.Equal("Wigan has not declared yet.", waiting.Text);
        Assert.Null(waiting.Picture);
        Assert.Equal(("Sutton has no election on this night.", false), (missing.Text, missing.Ok));
        Assert.Null(missing.Picture);
    }

    [Fact]
    public void Chart_NoComparableChanges_SaysSoWithNoPicture()
    {
        var book = Books.With(Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build());

        var answer = _engine.Answer("/chart", book);

        Assert.False(answer.Ok);
        Assert.Null(answer.Picture);
    }

    [Fact]
    public void Map_OneCouncilDeclaredAndNoneExpected_SaysCouncilNotCouncils()
    {
        Assert.Equal("Council control tonight: 1 council declared.", _engine.Answer("/map", Books.With(Night.Adur)).Text);
    }
}
