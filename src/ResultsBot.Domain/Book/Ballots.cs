using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Book;

/// <summary>Wards, by-elections and referendums in the book: results that are not a whole council's.</summary>
public static class Ballots
{
    /// <summary>Every ward and by-election result, oldest poll first, then by ballot id for a stable order.</summary>
    public static IReadOnlyList<WardResult> WardResults(this ResultsBook book) =>
        [.. book.Messages.OfType<WardResult>().OrderBy(w => w.Date).ThenBy(w => w.BallotId, StringComparer.Ordinal)];

    public static IReadOnlyList<Referendum> Referendums(this ResultsBook book) =>
        [.. book.Messages.OfType<Referendum>().OrderBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Question, StringComparer.Ordinal)];

    /// <summary>The last result for the same seat before this one, to say hold or gain and how shares moved; null when the book has none.</summary>
    public static WardResult? PreviousResult(this ResultsBook book, WardResult result) =>
        book.Messages.OfType<WardResult>()
            .Where(w => w.Seat == result.Seat && w.Date < result.Date)
            .MaxBy(w => w.Date);
}
