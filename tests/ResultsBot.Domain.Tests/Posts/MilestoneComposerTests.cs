using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Posts;

public sealed class MilestoneComposerTests
{
    private readonly MilestoneComposer _composer = new(Culture.EnGb);

    [Theory]
    [InlineData(27, "A quarter of councils declared: 27 of 107")]
    [InlineData(54, "Half of councils declared: 54 of 107")]
    [InlineData(81, "Three quarters of councils declared: 81 of 107")]
    [InlineData(107, "All 107 councils have declared")]
    public void ComposeFor_DeclarationReachingAPoint_MarksIt(int declared, string headline)
    {
        var (book, last) = Night(declared, expected: 107);

        var post = _composer.ComposeFor(last, book);

        Assert.NotNull(post);
        Assert.Equal(PostKind.Milestone, post.Kind);
        Assert.Equal(headline, post.Headline);
    }

    [Theory]
    [InlineData(26)]
    [InlineData(28)]
    [InlineData(106)]
    public void ComposeFor_DeclarationBetweenPoints_Nothing(int declared)
    {
        var (book, last) = Night(declared, expected: 107);

        Assert.Null(_composer.ComposeFor(last, book));
    }

    [Fact]
    public void ComposeFor_NightOfUnknownSize_Nothing()
    {
        var only = Declaration.Of("Adur").Control("Lab", "Lab").NewCouncil(("Lab", 20)).Build();

        Assert.Null(_composer.ComposeFor(only, Books.With(only)));
    }

    [Fact]
    public void ComposeFor_Half_GivesTheStateOfPlayAsFields()
    {
        var (book, last) = Night(54, expected: 107);

        var post = _composer.ComposeFor(last, book)!;

        Assert.Equal(
            [
                "Labour: 54 councils (+54), 1,080 councillors elected",
                "Conservatives: 0 councils (±0), 0 councillors elected",
                "Greens: 0 councils (±0), 0 councillors elected",
                "Independents: 0 councils (±0), 0 councillors elected",
                "Liberal Democrats: 0 councils (±0), 0 councillors elected",
                "Reform UK: 0 councils (±0), 0 councillors elected",
                "No overall control: 0 councils (-54)",
                "Councillors are seats won tonight. No result so far gives a like-for-like change, so none is shown.",
            ],
            post.Lines);
        Assert.Equal("#E4003B", post.Colour);
    }

    private static (ResultsBook Book, Messages.CouncilDeclaration Last) Night(int declared, int expected)
    {
        var names = Enumerable.Range(1, expected).Select(i => $"Council {i}").ToArray();
        var declarations = names.Take(declared)
            .Select(n => Declaration.Of(n).Control("Lab", "NOC").NewCouncil(("Lab", 20)).Build())
            .ToArray();
        return (Books.With(declarations).ExpectCouncils(names), declarations[^1]);
    }
}
