using ResultsBot.Domain.Councils;

namespace ResultsBot.Domain.Messages;

/// <summary>Who is standing where, and who held the seats before (PA's LocalElectionNominations).</summary>
public sealed record CouncilNominations(int Revision, Council Council, DateOnly? ElectionDate, IReadOnlyList<PartyNomination> Parties) : FeedMessage(Revision)
{
    public override string Key => "nominations/" + Council.Key;
}
