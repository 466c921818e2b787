using ResultsBot.Domain.Contests;

namespace ResultsBot.Domain.Messages;

/// <summary>A devolved parliament's running totals (PA's FirstPastThePostStateOfParties or TopUpStateOfParties).</summary>
/// <param name="Revision">PA numbers states by how many results they include, so that count orders them.</param>
/// <param name="List">True for the regional list totals (TopUp), false for constituencies.</param>
public sealed record ParliamentStateOfParties(
    int Revision,
    string ElectionName,
    string ElectionType,
    bool List,
    int NumberOfResults,
    int TotalContests,
    IReadOnlyList<ParliamentParty> Parties) : FeedMessage(Revision)
{
    public override string Key => $"sop/parliament/{ElectionType.ToLowerInvariant()}/{(List ? "list" : "constituencies")}";

    public string Parliament => new Contest(ContestKind.Constituency, "", ElectionName, ElectionType).Parliament;
}
