using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// PA's call for a candidate election, checked against its own figures: the winner must have the most
/// votes, the majority is the first's votes less the second's (never negative), and hold or gain follows
/// the party that held it before. A call the figures contradict is marked, so it is posted as what it is.
/// </summary>
/// <param name="Party">The party PA calls the winner.</param>
/// <param name="Person">The candidate PA calls the winner, when known.</param>
/// <param name="Sitting">The party that held it before the poll, when known.</param>
/// <param name="RunnerUp">The candidate with most votes after the winner, when every candidate has votes.</param>
/// <param name="Majority">First less second, when every candidate has votes and the call agrees with them.</param>
/// <param name="Leader">Who the figures put ahead when they contradict the call; null when they agree (or show a tie).</param>
/// <param name="Level">The candidates level on most votes when PA's winner is not one of them; empty otherwise.</param>
public sealed record CandidateCall(PartyCode Party, Candidate? Person, PartyCode? Sitting, Candidate? RunnerUp, int? Majority, Candidate? Leader, IReadOnlyList<Candidate> Level)
{
    /// <summary>True when the figures say someone other than PA's winner came first.</summary>
    public bool Contradicted => Leader is not null || Level.Count > 0;

    public static CandidateCall Of(CandidateRush rush) =>
        new(rush.WinningParty, rush.Winner, rush.Sitting, null, null, null, []);

    public static CandidateCall Of(CandidateResult result)
    {
        // PA marks the winner elected; failing that, the winning party's only candidate is the winner.
        var ofParty = result.Candidates.Where(c => c.Party == result.WinningParty).ToList();
        var person = result.Candidates.FirstOrDefault(c => c.Elected) ?? (ofParty.Count == 1 ? ofParty[0] : null);
        if (result.Candidates.Count == 0 || result.Candidates.Any(c => c.Votes is null))
        {
            // Without every candidate's votes there is nothing to check the call against, and no majority.
            return new(result.WinningParty, person, result.Sitting, null, null, null, []);
        }

        var ranked = result.Candidates.OrderByDescending(c => c.Votes).ToList();
        var top = ranked[0].Votes.GetValueOrDefault();
        var first = ranked.Where(c => c.Votes == top).ToList();
        var called = person ?? first.FirstOrDefault(c => c.Party == result.WinningParty);
        var agrees = called is not null && first.Contains(called) && called.Party == result.WinningParty;
        if (!agrees)
        {
            return new(result.WinningParty, person, result.Sitting, null, null, first.Count == 1 ? first[0] : null, first.Count > 1 ? first : []);
        }

        var runnerUp = ranked.FirstOrDefault(c => c != called);
        return new(result.WinningParty, called, result.Sitting, runnerUp, runnerUp is null ? null : top - runnerUp.Votes.GetValueOrDefault(), null, []);
    }
}
