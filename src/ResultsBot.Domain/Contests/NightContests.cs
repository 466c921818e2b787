using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Contests;

/// <summary>
/// The night's mayoralties and police and crime commissioners, for the commands that take in the whole night
/// (/scoreboard, /gains, /party): each one's call, and how many are expected when PA has sent nominations.
/// </summary>
public static class NightContests
{
    /// <summary>Every declared contest of a kind, by its call: the full result's when it is in, else the rush's.</summary>
    public static IReadOnlyList<ContestCall> Calls(ResultsBook book, ContestKind kind)
    {
        var results = book.Messages.OfType<CandidateResult>().Where(r => r.Contest.Kind == kind)
            .Select(r => new ContestCall(r.Contest, r.WinningParty, r.Sitting, r.Gain, r.Key));
        var rushes = book.Messages.OfType<CandidateRush>().Where(r => r.Contest.Kind == kind)
            .Where(r => book.Latest(CandidateResult.ResultKeyFor(r.Contest)) is null)
            .Select(r => new ContestCall(r.Contest, r.WinningParty, r.Sitting, r.Gain, r.Key));
        return [.. results.Concat(rushes).OrderBy(c => book.AcceptedAt(c.Key) ?? DateTimeOffset.MaxValue).ThenBy(c => c.Contest.Name, StringComparer.Ordinal)];
    }

    /// <summary>How many contests of a kind the night holds, when PA's nominations say; null otherwise.</summary>
    public static int? Expected(ResultsBook book, ContestKind kind)
    {
        var nominated = book.Messages.OfType<CandidateNominations>().Count(n => n.Contest.Kind == kind);
        return nominated == 0 ? null : Math.Max(nominated, Calls(book, kind).Count);
    }

    /// <summary>"mayors", "police and crime commissioners": how a list of them is named.</summary>
    public static string Plural(ContestKind kind) => kind == ContestKind.Mayor ? "mayors" : "police and crime commissioners";

    /// <summary>"1 mayor", "3 of 37 police and crime commissioners" agree in number with how many declared.</summary>
    public static string Noun(ContestKind kind, int count) => count == 1 && kind == ContestKind.Mayor ? "mayor"
        : count == 1 ? "police and crime commissioner"
        : Plural(kind);
}
