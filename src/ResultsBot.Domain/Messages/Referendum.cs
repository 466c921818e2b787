namespace ResultsBot.Domain.Messages;

/// <summary>
/// A local referendum's result (a council tax rise, a neighbourhood plan, a directly elected mayor):
/// our own small message, since PA's referendum format is not available to us.
/// </summary>
/// <param name="Area">Where it was held, e.g. "Bradford".</param>
/// <param name="Electorate">Registered voters, when given (turnout is then a percentage).</param>
/// <param name="Rejected">Rejected ballots, when given.</param>
public sealed record Referendum(int Revision, string Area, string Question, IReadOnlyList<ReferendumAnswer> Answers, int? Electorate, int? Rejected, DateTimeOffset? DeclaredAt) : FeedMessage(Revision)
{
    public const string KeyPrefix = "referendum/";

    public override string Key => KeyPrefix + Councils.CouncilKey.For(Area) + "/" + Councils.CouncilKey.For(Question);

    public bool SameResultAs(Referendum other) =>
        Answers.SequenceEqual(other.Answers) && Electorate == other.Electorate && Rejected == other.Rejected;

    public int ValidVotes => Answers.Sum(a => a.Votes);

    /// <summary>The answer with most votes; null on a tie.</summary>
    public ReferendumAnswer? Winner =>
        Answers.OrderByDescending(a => a.Votes).ToList() is [var first, var second, ..] && first.Votes == second.Votes ? null : Answers.MaxBy(a => a.Votes);
}
