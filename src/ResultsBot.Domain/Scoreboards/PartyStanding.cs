using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Scoreboards;

/// <summary>A party's night so far: councils it controls and councillors it won, each with its change.</summary>
/// <param name="CouncillorsChange">Net change in seats won on the BBC/PA basis, summed over the councils that give it; null when none does.</param>
public sealed record PartyStanding(PartyCode Party, int Councils, int CouncilsChange, int Councillors, int? CouncillorsChange)
{
    public bool IsNothingYet => Councils == 0 && CouncilsChange == 0 && Councillors == 0 && CouncillorsChange is null or 0;
}
