using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public sealed class ShareCommandTests
{
    private static readonly Caller Admin = new("U1", true);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 3, 15, 0, 0, TimeSpan.Zero));
    private readonly CommandEngine _engine;

    public ShareCommandTests() => _engine = new CommandEngine(Culture.EnGb, _time);

    [Fact]
    public void Answer_SetByAdmin_PublishesAShareStampedWithWhoAndWhen()
    {
        var answer = _engine.Answer("/share set Labour 34.5 Tories 25 LD 17% source \"BBC projected national share\"", ResultsBook.Empty, Admin);

        var share = Assert.IsType<NationalShare>(answer.Publish);
        Assert.Equal(("BBC projected national share", "U1", _time.GetUtcNow(), 1), (share.Source, share.SetBy, share.At, share.Revision));
        Assert.Equal(["Lab 34.5", "C 25", "LD 17"], share.Shares.Select(s => $"{s.Party} {s.Percent}"));
        Assert.Equal("Projected national share set: Labour 34.5%, Conservatives 25%, Liberal Democrats 17%, others 23.5% (BBC projected national share). Labour lead by 9.5 points.", answer.Text);
    }

    [Fact]
    public void Answer_ShareIn_AsksForTheShareChart_AndNoneBeforeThereIsOne()
    {
        var set = _engine.Answer("/share set Lab 34 Con 25 source \"BBC\"", ResultsBook.Empty, Admin);
        var book = ResultsBook.Empty.Accept(set.Publish!).Book;

        Assert.Equal(new PictureRequest(PictureKind.Share), _engine.Answer("/share", book, Admin).Picture);
        Assert.Null(_engine.Answer("/share", ResultsBook.Empty, Admin).Picture);
    }

    [Fact]
    public void Answer_SetAgain_SupersedesTheEarlierFigure()
    {
        var first = (NationalShare)_engine.Answer("/share set Lab 30 source BBC", ResultsBook.Empty, Admin).Publish!;
        var book = ResultsBook.Empty.Accept(first).Book;

        var second = (NationalShare)_engine.Answer("/share set Lab 34 source BBC", book, Admin).Publish!;

        Assert.Equal(2, second.Revision);
        Assert.Equal(AcceptanceKind.Superseding, book.Accept(second).Kind);
    }

    [Theory]
    [InlineData("/share set Lab 34 Con 25", "Say where the figure comes from")]
    [InlineData("/share set Lab 34 Con source BBC", "Give each party then its share")]
    [InlineData("/share set Lab 140 source BBC", "\"140\" is not a share between 0 and 100")]
    [InlineData("/share set Lab 60 Con 50 source BBC", "The shares add up to more than 100%")]
    [InlineData("/share set Lab 30 Lab 20 source BBC", "Labour is given twice")]
    [InlineData("/share set @everyone 30 source BBC", "\"everyone\" is not a party I know")]
    public void Answer_BadSet_SaysWhatIsWrongAndPublishesNothing(string command, string problem)
    {
        var answer = _engine.Answer(command, ResultsBook.Empty, Admin);

        Assert.False(answer.Ok);
        Assert.Null(answer.Publish);
        Assert.StartsWith(problem, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_ShareWithLastYearsFigures_GivesTheLeadAndEachChangeInPoints()
    {
        var book = Books.With(WithPrevious);

        var answer = _engine.Answer("/share", book, Admin);

        Assert.Equal(
            """
            Projected national share: Labour 34% (-1.0 pts), Conservatives 25% (-1.0 pts), Liberal Democrats 17% (-3.0 pts), others 24% (+5.0 pts). Labour lead by 9 points.
            Changes in points on 2023.
            Source: BBC projected national share, 3 May 2024, 16:00 UK time.
            """.ReplaceLineEndings("\n").TrimEnd(),
            answer.Text);
    }

    [Fact]
    public void Answer_Tie_SaysThePartiesAreLevel()
    {
        var answer = _engine.Answer("/share set Lab 30 Con 30 LD 15 source BBC", ResultsBook.Empty, Admin);

        Assert.Equal("Projected national share set: Labour 30%, Conservatives 30%, Liberal Democrats 15%, others 25% (BBC). Labour and Conservatives level on 30%.", answer.Text);
    }

    [Fact]
    public void Answer_SetOverAFigureAtTheLastPossibleRevision_IsRefusedNotReportedAsSet()
    {
        // The next revision would wrap round to a negative one, which the book ignores: "set" would be untrue.
        var book = Books.With(WithPrevious with { Revision = int.MaxValue });

        var answer = _engine.Answer("/share set Lab 40 source BBC", book, Admin);

        Assert.False(answer.Ok);
        Assert.Null(answer.Publish);
        Assert.Equal("The projected national share already entered is marked as the last one possible, so /share set cannot replace it. It is still: Labour 34% (-1.0 pts), Conservatives 25% (-1.0 pts), Liberal Democrats 17% (-3.0 pts), others 24% (+5.0 pts).", answer.Text);
    }

    [Fact]
    public void Compose_Post_HeadlinesTheLeadThenFiguresBasisAndSource()
    {
        var post = ResultsBot.Domain.Posts.NationalShareText.Compose(WithPrevious, Culture.EnGb);

        Assert.Equal("Projected national share: Labour lead by 9 points", post.Headline);
        Assert.Equal(
            [
                "Labour 34% (-1.0 pts), Conservatives 25% (-1.0 pts), Liberal Democrats 17% (-3.0 pts), others 24% (+5.0 pts).",
                "Changes in points on 2023.",
                "Source: BBC projected national share, 3 May 2024, 16:00 UK time.",
            ],
            post.Lines);
    }

    private static readonly NationalShare WithPrevious = new(
        1,
        "BBC projected national share",
        new DateTimeOffset(2024, 5, 3, 16, 0, 0, TimeSpan.FromHours(1)),
        "",
        [new(new PartyCode("Lab"), 34, 35), new(new PartyCode("C"), 25, 26), new(new PartyCode("LD"), 17, 20)],
        PreviousYear: 2023);

    [Fact]
    public void Answer_SetByNonAdmin_IsRefused()
    {
        var answer = _engine.Answer("/share set Lab 34 source BBC", ResultsBook.Empty, new Caller("U2", false));

        Assert.Equal(("Only the bot's configured admins can set the projected national share, because it is posted to every subscribed channel on every server and on Slack; managing this channel is not enough.", false), (answer.Text, answer.Ok));
        Assert.Null(answer.Publish);
    }

    [Fact]
    public void Answer_SetByAChannelManagerWhoIsNotAConfiguredAdmin_IsRefusedSayingWhy()
    {
        // Manage Channels in a server of one's own: enough for that channel, not for every channel's share.
        var answer = _engine.Answer("/share set Lab 34 source BBC", ResultsBook.Empty, new Caller("U3", IsAdmin: false, ManagesChannel: true));

        Assert.Equal(("Only the bot's configured admins can set the projected national share, because it is posted to every subscribed channel on every server and on Slack; managing this channel is not enough.", false), (answer.Text, answer.Ok));
        Assert.Null(answer.Publish);
    }
}
