using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Scoreboards;

/// <summary>A party's night so far: councils it controls and councillors it won, each with its change.</summary>
public sealed record PartyStanding(PartyCode Party, int Councils, int CouncilsChange, int Councillors, int CouncillorsChange);
