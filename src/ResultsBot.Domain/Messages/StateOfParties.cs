namespace ResultsBot.Domain.Messages;

/// <summary>PA's running totals (LocalStateOfParties) after <see cref="NumberOfResults"/> declarations.</summary>
public sealed record StateOfParties(
    int Revision,
    string Region,
    int NumberOfResults,
    int TotalNumberOfCouncils,
    IReadOnlyList<PartyTotals> Parties,
    IReadOnlyList<string> CouncilsIncluded) : FeedMessage(Revision)
{
    // PA numbers its states by how many results they include; a later state supersedes an earlier one.
    public override string Key => "sop/" + Region.ToLowerInvariant();
}
