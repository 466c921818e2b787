using ResultsBot.Domain.Contests;

namespace ResultsBot.Domain.Messages;

/// <summary>Who stands in a candidate election (PA's FirstPastThePostNominations and TopUpNominations).</summary>
public sealed record CandidateNominations(int Revision, Contest Contest, IReadOnlyList<Candidate> Candidates) : FeedMessage(Revision)
{
    public override string Key => "nominations/" + Contest.Key;
}
