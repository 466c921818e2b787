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
        PictureKind.Candidates when request.Subject is { } key && book.Latest(key) is CandidateResult result => CandidatesChart(result),
        PictureKind.Share when book.Latest(NationalShare.MessageKey) is NationalShare share => ShareChart(share),
        _ => null,
    };

    /// <summary>
    /// The pictures that go with a post, main one first: a milestone's map (unless the channel takes no
    /// pictures); with pictures on, also a change of control's map, drawn as the night stood when it declared,
    /// every council result's chamber (a correction's as revised), a mayoralty's or police area's candidates and
    /// the national share. Empty for posts that carry none.
    /// </summary>
    /// <param name="images">The channel's "images" setting: true on, false off, null milestones only.</param>
    public IReadOnlyList<RenderedImage> ForPost(Post post, ResultsBook book, bool? images)
    {
        if (images == false)
        {
            return [];
        }

        if (post.Kind == PostKind.Milestone)
        {
            return MilestoneCount(post.Subject) is { } count ? [Map(book, count)] : [];
        }

        // Posts come back from the outbox without their routing topic: the book says what each is about.
        if (images != true)
        {
            return [];
        }

        if (post.Subject == NationalShare.MessageKey)
        {
            return book.Latest(NationalShare.MessageKey) is NationalShare share ? [ShareChart(share)] : [];
        }

        // A correction draws from the revised result, so its pictures can replace the original's wrong ones.
        if (post.Kind is not (PostKind.Declaration or PostKind.Correction))
        {
            return [];
        }

        // A candidate post is about its contest: it has a chart once a result with figures is in (a call from the
        // rush alone has none).
        if (book.Latest(CandidateResult.ResultKeyFor(post.Subject)) is CandidateResult result)
        {
            return [CandidatesChart(result)];
        }

        if (book.Latest(post.Subject) is not CouncilDeclaration declaration)
        {
            return [];
        }

        var chamber = ChamberChart.Render(CouncilChamber.From(declaration, sourceName, declaration.DeclaredAt ?? time.GetUtcNow(), culture));
        return declaration.Controller != declaration.Sitting ? [Map(book, book.DeclarationNumber(declaration)), chamber] : [chamber];
    }

    private RenderedImage CandidatesChart(CandidateResult result) => BarChart.Render(BoardCharts.Candidates(result, sourceName, culture), "candidates.png");

    private RenderedImage ShareChart(NationalShare share) => BarChart.Render(BoardCharts.Share(share, culture), "share.png");

    private RenderedImage Map(ResultsBook book, int upTo) => HexMapChart.Render(NightMap.From(book, sourceName, time.GetUtcNow(), culture, upTo));

    // "milestone/54-of-107": the count the milestone marks.
    private static int? MilestoneCount(string subject) =>
        subject.StartsWith("milestone/", StringComparison.Ordinal)
        && int.TryParse(subject["milestone/".Length..].Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
}
