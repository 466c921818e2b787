namespace ResultsBot.Domain.Contests;

/// <summary>What a candidate election elects: PA's election type tells them apart (M mayors, S/W parliaments).</summary>
public enum ContestKind
{
    Mayor,
    PoliceCommissioner,

    /// <summary>A devolved parliament's constituency, won by one candidate.</summary>
    Constituency,

    /// <summary>A devolved parliament's regional list (PA's TopUp messages): several members by party list.</summary>
    Region,
}
