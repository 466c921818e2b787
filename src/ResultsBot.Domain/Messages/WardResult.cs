namespace ResultsBot.Domain.Messages;

/// <summary>
/// One ballot's result below council level: a ward of a council election, or a local or parliamentary
/// by-election. Read from Democracy Club, whose ballot paper ids (<c>local.sheffield.ecclesall.2024-05-02</c>,
/// <c>local.sheffield.ecclesall.by.2024-07-04</c>, <c>parl.hexham.by.2024-07-04</c>) say where and when.
/// </summary>
/// <param name="BallotId">The ballot paper id.</param>
/// <param name="Organisation">The council's name; null for a parliamentary ballot.</param>
/// <param name="Area">The ward's (or constituency's) name.</param>
/// <param name="Turnout">Ballots cast as reported, when given.</param>
/// <param name="TurnoutPercent">Turnout as a percentage of the electorate, when given.</param>
public sealed record WardResult(
    int Revision,
    string BallotId,
    string Tier,
    string? Organisation,
    string Area,
    DateOnly Date,
    bool IsByElection,
    IReadOnlyList<WardCandidate> Candidates,
    int? Turnout,
    decimal? TurnoutPercent) : FeedMessage(Revision)
{
    public const string KeyPrefix = "ward/";

    public override string Key => KeyPrefix + BallotId;

    /// <summary>The seat whatever the date: ballots of the same ward on different days share it.</summary>
    public string Seat => Tier + "/" + (Organisation ?? "") + "/" + Area;

    /// <summary>"Ecclesall (Sheffield)", or the constituency alone.</summary>
    public string Title => Organisation is null ? Area : $"{Area} ({Organisation})";

    public int TotalVotes => Candidates.Sum(c => c.Votes);

    /// <summary>True when the counts and winners are the same: a later revision that is not a correction.</summary>
    public bool SameResultAs(WardResult other) =>
        Candidates.SequenceEqual(other.Candidates) && Turnout == other.Turnout && TurnoutPercent == other.TurnoutPercent;

    public IEnumerable<WardCandidate> Winners => Candidates.Where(c => c.Elected).OrderByDescending(c => c.Votes);
}
