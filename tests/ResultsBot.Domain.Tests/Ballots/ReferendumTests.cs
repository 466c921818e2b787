using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Ballots;

public sealed class ReferendumTests
{
    private static readonly Referendum Bradford = new(
        1,
        "Bradford",
        "Do you want Bradford to have a directly elected mayor?",
        [new("Yes", 48211), new("No", 61877)],
        360000,
        420,
        new DateTimeOffset(2024, 5, 3, 2, 10, 0, TimeSpan.FromHours(1)));

    private static readonly ReferendumPostComposer Composer = new(Culture.EnGb);

    [Fact]
    public void Compose_Result_GivesOutcomeQuestionVotesSharesAndTurnout()
    {
        var post = Composer.Compose(Bradford);

        Assert.Equal("Bradford referendum: No wins with 56.2%", post.Headline);
        Assert.Equal(
            [
                "Question: Do you want Bradford to have a directly elected mayor?",
                "No 61,877 (56.2%)",
                "Yes 48,211 (43.8%)",
                "Turnout 30.7% (110,508 of an electorate of 360,000).",
                "Rejected ballots 420.",
            ],
            post.Lines);
        Assert.Equal("referendum", post.Topic!.ElectionType);
        Assert.Equal("bradford", post.Topic.CouncilKey);
    }

    [Fact]
    public void ComposeCorrection_ChangedVotes_SaysWhatChanged()
    {
        var corrected = Bradford with { Revision = 2, Answers = [new("Yes", 48211), new("No", 61787)] };

        var post = Composer.ComposeCorrection(Bradford, corrected);

        Assert.Equal(PostKind.Correction, post.Kind);
        Assert.Equal("Correction — Bradford referendum: our 02:10 post gave other figures; the result stands: No wins with 56.2%", post.Headline);
        Assert.Equal("No 61,787 (was 61,877).", post.Lines[0]);
    }

    [Fact]
    public void ComposeCorrection_ChangedOutcome_SaysWhatOurPostSaidWhenAndTheFigures()
    {
        var corrected = Bradford with { Revision = 2, Answers = [new("Yes", 63000), new("No", 61877)], DeclaredAt = null };

        var post = Composer.ComposeCorrection(Bradford, corrected);

        Assert.Equal("Correction — Bradford referendum: our 02:10 post said No wins with 56.2%; Yes wins with 50.4%", post.Headline);
        Assert.Equal("Yes 63,000 (was 48,211).", post.Lines[0]);
        Assert.DoesNotContain("Revision", post.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeCorrection_NoTimeKnown_SaysOurEarlierPost()
    {
        var undated = Bradford with { DeclaredAt = null };

        var post = Composer.ComposeCorrection(undated, undated with { Revision = 2, Rejected = 430 });

        Assert.Equal("Correction — Bradford referendum: our earlier post gave other figures; the result stands: No wins with 56.2%", post.Headline);
        Assert.Equal("Rejected ballots 430 (was 420).", post.Lines[0]);
    }

    [Fact]
    public void Compose_Tie_SaysItIsATie()
    {
        var tie = Bradford with { Answers = [new("Yes", 500), new("No", 500)], Electorate = null, Rejected = null };

        var post = Composer.Compose(tie);

        Assert.Equal("Bradford referendum: a tie", post.Headline);
        Assert.Equal("Turnout: 1,000 ballots.", post.Lines[^1]);
    }

    [Fact]
    public void ReferendumCommand_Area_GivesTheResult_AndWithoutAreaListsThem()
    {
        var engine = new CommandEngine(Culture.EnGb);
        var book = Books.With(Bradford);

        Assert.StartsWith("Bradford referendum: No wins with 56.2%\nQuestion: Do you want Bradford", engine.Answer("/referendum bradford", book).Text, StringComparison.Ordinal);
        Assert.Equal("Bradford referendum: No wins with 56.2%", engine.Answer("/referendum", book).Text);
        Assert.Equal("I have no referendum result for \"Leeds\". Referendums so far: Bradford.", engine.Answer("/referendum Leeds", book).Text);
    }
}
