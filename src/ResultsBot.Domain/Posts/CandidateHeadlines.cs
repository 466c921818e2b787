using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Posts;

/// <summary>The call for a candidate election: "Green gain Hackney mayoralty from Labour", "Labour hold Newham mayoralty".</summary>
public static class CandidateHeadlines
{
    public static string For(Contest contest, PartyCode winner, PartyCode? sitting, bool gain) =>
        (gain, sitting) switch
        {
            (true, { } from) => $"{PartyOf(winner)} gain {contest.Title} from {PartyOf(from)}",
            (false, { }) => $"{PartyOf(winner)} hold {contest.Title}",
            _ => $"{PartyOf(winner)} win {contest.Title}",
        };

    /// <summary>Seats are won by a candidate, so the party reads as an adjective: "Conservative gain", "Green hold".</summary>
    public static string PartyOf(PartyCode party) => PartyNames.AdjectiveOf(party);
}
