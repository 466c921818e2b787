namespace ResultsBot.Domain.Scoreboards;

/// <summary>
/// How far the night's councillor totals reach: the changes are summed only over councils that give them
/// (on the BBC/PA basis), and councillors only over councils whose seats won are known.
/// </summary>
/// <param name="CouncilsWithChanges">Declared councils whose result gives changes in seats won.</param>
/// <param name="CouncilsWithPartialChanges">Of those, councils that give changes for some parties only.</param>
/// <param name="CouncilsWithoutSeatsWon">Declared councils (by thirds or halves) whose seats won were not given: left out of councillors.</param>
/// <param name="AnyNotional">True when some changes are against notional results on new boundaries.</param>
public sealed record ChangeCoverage(int CouncilsWithChanges, int CouncilsWithPartialChanges, int CouncilsWithoutSeatsWon, bool AnyNotional);
