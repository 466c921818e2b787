using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;
using ResultsBot.Rendering;
using ResultsBot.Rendering.Charts;
using ResultsBot.Rendering.Pictures;

namespace ResultsBot.Pictures;

/// <summary>
/// Draws the picture that goes with an answer or a post, from the night's book: the map (as it stood at a
/// milestone or a council's declaration), a council's chamber, the board's chart.
/// </summary>
public sealed class PictureMaker(CultureInfo culture, string sourceName, TimeProvider time)
{
    public RenderedImage? Draw(PictureRequest request, ResultsBook book) => request.Kind switch
    {
        PictureKind.Map => HexMapChart.Render(NightMap.From(book, sourceName, time.GetUtcNow(), culture)),
        PictureKind.Chart => BarChart.Render(BoardCharts.CouncillorChange(book, sourceName, time.GetUtcNow(), culture), "chart.png"),
        PictureKind.Chamber when request.Subject is { } key && book.Latest(key) is CouncilDeclaration declaration =>
            ChamberChart.Render(CouncilChamber.From(declaration, sourceName, declaration.DeclaredAt ?? time.GetUtcNow(), culture)),
        _ => null,
    };

    /// <summary>
    /// The map that goes with a post: a milestone's, or a change of control's, drawn as the night stood when it
    /// declared; null for posts that carry no picture.
    /// </summary>
    public RenderedImage? ForPost(Post post, ResultsBook book)
    {
        int? upTo = post switch
        {
            { Kind: PostKind.Milestone } when MilestoneCount(post.Subject) is { } count => count,
            // Posts come back from the outbox without their routing topic: the book says whether control changed.
            { Kind: PostKind.Declaration } when book.Latest(post.Subject) is CouncilDeclaration declaration && declaration.Controller != declaration.Sitting =>
                book.DeclarationNumber(declaration),
            _ => null,
        };
        return upTo is { } n ? HexMapChart.Render(NightMap.From(book, sourceName, time.GetUtcNow(), culture, n)) : null;
    }

    // "milestone/54-of-107": the count the milestone marks.
    private static int? MilestoneCount(string subject) =>
        subject.StartsWith("milestone/", StringComparison.Ordinal)
        && int.TryParse(subject["milestone/".Length..].Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
}
