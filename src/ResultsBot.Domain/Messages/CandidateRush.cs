using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Messages;

/// <summary>
/// The winner only, sent the moment a constituency or mayoralty is called (PA's FirstPastThePostRush).
/// Keyed apart from the full result, so a rush never replaces a result and a result never waits for a rush.
/// </summary>
/// <param name="Sitting">The party that held it before, when PA says.</param>
/// <param name="PaText">PA's own wording, e.g. "Correction: Green gain from Labour in Hackney".</param>
public sealed record CandidateRush(
    int Revision,
    Contest Contest,
    Candidate? Winner,
    PartyCode WinningParty,
    PartyCode? Sitting,
    bool Gain,
    string? PaText) : FeedMessage(Revision)
{
    public override string Key => RushKeyFor(Contest);

    public static string RushKeyFor(Contest contest) => "rush/" + contest.Key;

    /// <summary>True when two rushes make the same call.</summary>
    public bool SameCallAs(CandidateRush other) =>
        WinningParty == other.WinningParty && Sitting == other.Sitting && Gain == other.Gain && Winner?.Name == other.Winner?.Name;
}
