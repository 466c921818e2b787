using ResultsBot.Domain.Contests;

namespace ResultsBot.Domain.Messages;

/// <summary>
/// A parliament region's list members (PA's TopUpRush, <see cref="Provisional"/>) or its full result with
/// each party's votes (TopUpResult). A rush and a result are keyed apart, as for constituencies.
/// </summary>
public sealed record ListResult(
    int Revision,
    Contest Contest,
    bool Provisional,
    IReadOnlyList<Candidate> Elected,
    IReadOnlyList<PartyVote> Parties,
    int? Turnout,
    decimal? TurnoutPercent,
    DateTimeOffset? DeclaredAt = null) : FeedMessage(Revision)
{
    public override string Key => Provisional ? CandidateRush.RushKeyFor(Contest) : CandidateResult.ResultKeyFor(Contest);

    public bool SameResultAs(ListResult other) =>
        Contest == other.Contest
        && Provisional == other.Provisional
        && Turnout == other.Turnout
        && Elected.SequenceEqual(other.Elected)
        && Parties.SequenceEqual(other.Parties);
}
