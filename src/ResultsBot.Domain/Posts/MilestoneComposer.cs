using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// Marks the points of the night — a quarter, half, three quarters and all of the councils declared —
/// with the state of play. Only when the feed says how many councils there are.
/// </summary>
public sealed class MilestoneComposer(CultureInfo culture)
{
    private static readonly (int Quarters, string Words)[] Points =
    [
        (1, "A quarter of councils declared"),
        (2, "Half of councils declared"),
        (3, "Three quarters of councils declared"),
    ];

    public const int MinimumCouncils = 12;

    /// <summary>The milestone this declaration reaches, if it is the one that reaches it.</summary>
    public Post? ComposeFor(CouncilDeclaration declaration, ResultsBook book)
    {
        // A handful of councils is not a night with milestones worth a post.
        if (book.ExpectedCount is not { } expected || expected < MinimumCouncils)
        {
            return null;
        }

        var declared = book.DeclaredCount;
        string headline;
        if (declared == expected)
        {
            headline = $"All {Numbers.Count(expected, culture)} councils have declared";
        }
        else if (Points.FirstOrDefault(p => declared == Threshold(expected, p.Quarters)) is { Words: { } words })
        {
            headline = $"{words}: {Numbers.Count(declared, culture)} of {Numbers.Count(expected, culture)}";
        }
        else
        {
            return null;
        }

        var board = Scoreboard.From(book);
        var lines = board.Parties.Take(6)
            .Select(p => new PostSection(
                PartyNames.NameOf(p.Party),
                $"{Councils(p.Councils)} ({Numbers.Signed(p.CouncilsChange, culture)}), {Numbers.Count(p.Councillors, culture)} councillors elected" +
                (p.CouncillorsChange is { } change ? $" ({Numbers.Signed(change, culture)})" : "")))
            .Append(new PostSection("No overall control", $"{Councils(board.NoOverallControl.Councils)} ({Numbers.Signed(board.NoOverallControl.CouncilsChange, culture)})"))
            .Concat(ScoreboardText.Footnotes(board, culture).Select(PostSection.Plain))
            .ToList();
        var leader = board.Parties.Count > 0 ? board.Parties[0] : null;
        return new Post(PostKind.Milestone, $"milestone/{declared}-of-{expected}", headline, lines)
        {
            Colour = leader is null ? PartyColours.NoOverallControl : PartyColours.Of(leader.Party),
        };
    }

    // The first declaration at or past the point: with 107 councils, half is reached at the 54th.
    private static int Threshold(int expected, int quarters) => (int)Math.Ceiling(expected * quarters / 4.0);

    private string Councils(int count) => count == 1 ? "1 council" : $"{Numbers.Count(count, culture)} councils";
}
