using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class AwaitingCommandTests
{
    private readonly CommandEngine _engine = new(Culture.EnGb);

    [Fact]
    public void Answer_FeedNamesEveryCouncil_ListsThoseStillToDeclareByRegionAlphabetically()
    {
        var book = Books.With(Night.Adur, Night.Bolton).ExpectCouncils(["Wigan", "Adur", "Barking & Dagenham", "Bolton", "Bury"]);

        var answer = _engine.Answer("/awaiting", book);

        Assert.True(answer.Ok);
        Assert.Equal("3 of 5 councils still to declare:\nNorth West (2): Bury and Wigan\nLondon (1): Barking & Dagenham", answer.Text);
    }

    [Fact]
    public void Answer_StateOfPartiesCountsMoreThanTheFeedNames_SaysHowManyItNames()
    {
        var state = new StateOfParties(1, "All", 2, 10, [], ["Adur", "Bolton"]);
        var harlow = Nominations.For("Harlow", Proportion.Third, ("C", 17, 6), ("Lab", 15, 5));

        var answer = _engine.Answer("/awaiting", Books.With(Night.Adur, Night.Bolton, state, harlow));

        Assert.Equal("8 of 10 councils still to declare. PA has named 1 of them so far:\nEast of England (1): Harlow", answer.Text);
    }

    [Fact]
    public void Answer_TotalButNoNames_SaysTheFeedHasNotNamedThem()
    {
        var state = new StateOfParties(1, "All", 2, 10, [], ["Adur", "Bolton"]);

        var answer = _engine.Answer("/awaiting", Books.With(Night.Adur, Night.Bolton, state));

        Assert.Equal("8 of 10 councils still to declare; PA has not named them yet.", answer.Text);
    }

    [Fact]
    public void Answer_FeedSaysNothingOfTheTotal_SaysTheCountIsUnknown()
    {
        var answer = _engine.Answer("/awaiting", Books.With(Night.Adur, Night.Bolton));

        Assert.True(answer.Ok);
        Assert.Equal("PA has not said how many councils there are, so I can't tell how many are still to declare. 2 declared so far.", answer.Text);
    }

    [Fact]
    public void Answer_AllDeclared_SaysSo()
    {
        var book = Books.With(Night.Adur, Night.Bolton).ExpectCouncils(["Adur", "Bolton"]);

        Assert.Equal("All 2 councils have declared.", _engine.Answer("/awaiting", book).Text);
    }

    [Fact]
    public void Answer_NothingDeclaredOrKnown_SaysTheCountIsUnknown()
    {
        Assert.Equal(
            "PA has not said how many councils there are, so I can't tell how many are still to declare. None has declared yet.",
            _engine.Answer("/awaiting", ResultsBook.Empty).Text);
    }

    [Fact]
    public void Answer_NationsAndRegions_GroupsEnglandByRegionThenScotlandAndWales()
    {
        var book = Books.With(Night.Adur).ExpectCouncils(["Adur", "Glasgow City", "Cardiff", "Leeds", "Fife", "East Surrey"]);

        var answer = _engine.Answer("/awaiting", book);

        Assert.Equal(
            """
            5 of 6 councils still to declare:
            Yorkshire and the Humber (1): Leeds
            South East (1): East Surrey
            Scotland (2): Fife and Glasgow City
            Wales (1): Cardiff
            """,
            answer.Text);
        Assert.Equal("5 of 6 councils still to declare. In Scotland, 2: Fife and Glasgow City.", _engine.Answer("/awaiting scotland", book).Text);
    }

    [Fact]
    public void Answer_TooManyForOneMessage_GivesCountsAndAsksForARegion()
    {
        var book = ResultsBook.Empty.ExpectCouncils(Regions.KnownCouncils.Values);

        var answer = _engine.Answer("/awaiting", book);

        Assert.True(answer.Text.Length <= 2_000, answer.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\nScotland: 32\n", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("Ask for one region or nation for the names, e.g. /awaiting North West.", answer.Text, StringComparison.Ordinal);
    }
}
