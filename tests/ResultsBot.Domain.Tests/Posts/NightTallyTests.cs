using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Posts;

public sealed class NightTallyTests
{
    [Fact]
    public void Describe_TwelfthGain_UsesFiguresFromTen()
    {
        var gains = Enumerable.Range(1, 12)
            .Select(i => Declaration.Of($"Council {i}").Control("Lab", "NOC").NewCouncil(("Lab", 30), ("C", 10)).Build())
            .ToArray();

        var tally = NightTally.Describe(gains[^1], Books.With(gains), Culture.EnGb);

        Assert.Equal("Labour's 12th gain of the night.", tally);
    }

    [Fact]
    public void Describe_GainFromAParty_CountsTheWinnersGainsAndTheLosersLosses()
    {
        var first = Declaration.Of("Adur").Control("C", "NOC").NewCouncil(("C", 20), ("Lab", 9)).Build();
        var hold = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 40), ("C", 11)).Build();
        var loss = Declaration.Of("Crawley").Control("NOC", "Lab").NewCouncil(("Lab", 15), ("C", 15), ("Green", 6)).Build();
        var gain = Declaration.Of("Dudley").Control("C", "Lab").NewCouncil(("C", 40), ("Lab", 32)).Build();

        var tally = NightTally.Describe(gain, Books.With(first, hold, loss, gain), Culture.EnGb);

        Assert.Equal("Conservatives' second gain of the night; Labour's second loss.", tally);
    }

    [Fact]
    public void Describe_Hold_SaysNothing()
    {
        var hold = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 40), ("C", 11)).Build();

        Assert.Null(NightTally.Describe(hold, Books.With(hold), Culture.EnGb));
    }

    [Fact]
    public void Describe_CorrectedEarlierResult_CountsOnlyUpToThatCouncil()
    {
        var early = Declaration.Of("Adur").Control("Reform", "C").NewCouncil(("Reform", 20), ("C", 9)).Build();
        var later = Declaration.Of("Basildon").Control("Reform", "C").NewCouncil(("Reform", 30), ("C", 12)).Build();
        var book = Books.With(early, later).Accept(early with { Revision = 2 }).Book;

        var tally = NightTally.Describe(book.DeclarationFor("adur")!, book, Culture.EnGb);

        Assert.Equal("Reform UK's first gain of the night; Conservatives' first loss.", tally);
    }
}
