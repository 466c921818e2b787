using System.Text;
using ResultsBot.Domain.Messages;

namespace ResultsBot.Feeds.Tests.Ours;

public sealed class ReferendumFormatTests
{
    [Fact]
    public void Parse_ReferendumFile_ReadsQuestionAnswersAndTurnoutFigures()
    {
        var referendum = Assert.IsType<Referendum>(Assert.Single(FeedParser.Parse(SharedFeeds.Fixture("referendums/Referendum_Bradford_1.xml")).Messages));

        Assert.Equal(1, referendum.Revision);
        Assert.Equal("Bradford", referendum.Area);
        Assert.Equal("Do you want Bradford to have a directly elected mayor?", referendum.Question);
        Assert.Equal([new ReferendumAnswer("Yes", 48211), new ReferendumAnswer("No", 61877)], referendum.Answers);
        Assert.Equal(360000, referendum.Electorate);
        Assert.Equal(420, referendum.Rejected);
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 2, 10, 0, TimeSpan.FromHours(1)), referendum.DeclaredAt);
        Assert.Equal("referendum/bradford/do you want bradford to have a directly elected mayor", referendum.Key);
    }

    [Theory]
    [InlineData("<Referendum area='X' question='Q?'><Answer name='Yes' votes='1'/></Referendum>", "Referendum: a referendum needs at least two <Answer> elements")]
    [InlineData("<Referendum area='X' question='Q?'><Answer name='Yes' votes='1'/><Answer name='yes' votes='2'/></Referendum>", "Referendum: the answer 'yes' appears twice")]
    [InlineData("<Referendum question='Q?'><Answer name='Yes' votes='1'/><Answer name='No' votes='2'/></Referendum>", "Referendum: <Referendum> has no area")]
    [InlineData("<Referendum area='X' question='Q?'><Answer name='Yes' votes='-1'/><Answer name='No' votes='2'/></Referendum>", "Referendum: <Answer name='Yes'> votes='-1' is out of range (0 to 50000000)")]
    public void Parse_BadReferendum_RefusesWithReason(string xml, string reason)
    {
        Assert.Equal(reason, FeedParser.Parse(Encoding.UTF8.GetBytes(xml)).Problem);
    }
}
