using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

/// <summary>A mayoralty's, police area's or constituency's full result (PA's FirstPastThePostResult).</summary>
/// <param name="Candidates">Every candidate with votes and share, in PA's order (most votes first).</param>
/// <param name="TurnoutChange">Percentage points against the last election, when PA gives it.</param>
public sealed record CandidateResult(
    int Revision,
    Contest Contest,
    IReadOnlyList<Candidate> Candidates,
    PartyCode WinningParty,
    PartyCode? Sitting,
    bool Gain,
    int? Turnout,
    decimal? TurnoutPercent,
    decimal? TurnoutChange,
    int? Majority,
    decimal? MajorityPercent,
    DateTimeOffset? DeclaredAt = null) : FeedMessage(Revision)
{
    public override string Key => ResultKeyFor(Contest);

    public static string ResultKeyFor(Contest contest) => ResultKeyFor(contest.Key);

    /// <summary>The result's key from its contest's (what candidate posts are about).</summary>
    public static string ResultKeyFor(string contestKey) => "result/" + contestKey;

    public Candidate? Winner => Candidates.FirstOrDefault(c => c.Elected) ?? Candidates.MaxBy(c => c.Votes ?? 0);

    /// <summary>The runner-up: the candidate with most votes after the winner.</summary>
    public Candidate? RunnerUp => Candidates.Where(c => c != Winner).MaxBy(c => c.Votes ?? 0);

    public bool SameResultAs(CandidateResult other) =>
        Contest == other.Contest
        && WinningParty == other.WinningParty
        && Sitting == other.Sitting
        && Gain == other.Gain
        && Turnout == other.Turnout
        && TurnoutPercent == other.TurnoutPercent
        && Majority == other.Majority
        && Candidates.SequenceEqual(other.Candidates);
}
