using System.Globalization;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// The words of a candidate election's call, in the house style councils use too: the office first, then
/// the person ("West Midlands mayor: Richard Parker (Labour) gains from Conservatives, beating Andy Street
/// by 1,508 votes"); party names as <see cref="PartyNames"/> gives them, never PA's long forms.
/// </summary>
public static class CandidateHeadlines
{
    /// <summary>"Hackney mayor", "Kent police and crime commissioner", "Aberdeen Central", "Lothian list".</summary>
    public static string Office(Contest contest) => contest.Kind switch
    {
        ContestKind.Mayor => contest.Name + " mayor",
        ContestKind.PoliceCommissioner => contest.Name + " police and crime commissioner",
        ContestKind.Region when !contest.ElectionType.Equals("W", StringComparison.OrdinalIgnoreCase) => contest.Name + " list",
        _ => contest.Name,
    };

    /// <summary>The call in a few words: "Labour hold", "Greens gain from Labour", "Labour win" (no previous holder known).</summary>
    public static string Call(PartyCode winner, PartyCode? sitting) => sitting switch
    {
        null => PartyNames.NameOf(winner) + " win",
        var s when s == winner => PartyNames.NameOf(winner) + " hold",
        var s => $"{PartyNames.NameOf(winner)} gain from {PartyNames.NameOf(s.Value)}",
    };

    /// <summary>The headline of a call or result: the person when known, else the party's call.</summary>
    public static string For(Contest contest, CandidateCall call, CultureInfo culture)
    {
        if (call.Contradicted)
        {
            var shown = call.Leader is { } leader
                ? $"{Plural(leader)} ahead"
                : $"{Lists.And([.. call.Level.Select(c => c.Name)])} level";
            return $"{Office(contest)}: PA calls {Call(call.Party, call.Sitting)}; the figures show {shown} — awaiting confirmation";
        }

        if (call.Person is not { } person)
        {
            return $"{Office(contest)}: {Call(call.Party, call.Sitting)}";
        }

        var margin = (call.RunnerUp, call.Majority) switch
        {
            ({ } runnerUp, 0) => $", level with {runnerUp.Name} on {Votes(runnerUp.Votes ?? 0, culture)}",
            ({ } runnerUp, { } majority) => $", beating {runnerUp.Name} by {Votes(majority, culture)}",
            _ => "",
        };
        return $"{Office(contest)}: {Person(person, call)}{margin}";
    }

    /// <summary>"Jim Harvey (Green) gains from Labour", "John Cooper (Labour) holds for Labour", "Ann Lee (Labour) wins".</summary>
    public static string Person(Candidate person, CandidateCall call)
    {
        var verb = call.Sitting switch
        {
            null => "wins",
            var s when s == call.Party => "holds for " + PartyNames.NameOf(call.Party),
            var s => "gains from " + PartyNames.NameOf(s.Value),
        };
        return $"{person.Name} ({Label(person)}) {verb}";
    }

    /// <summary>A candidate's party as a label: "Labour", "Conservative", "Green", "SNP", "Independent"; PA's name for a party we do not know.</summary>
    public static string Label(Candidate candidate) =>
        PartyNames.IsKnown(candidate.Party) ? PartyNames.AdjectiveOf(candidate.Party) : candidate.PartyName;

    /// <summary>A party in a sentence: "Conservatives", "Greens"; PA's name for a party we do not know.</summary>
    public static string Plural(Candidate candidate) =>
        PartyNames.IsKnown(candidate.Party) ? PartyNames.NameOf(candidate.Party) : candidate.PartyName;

    private static string Votes(int votes, CultureInfo culture) => Numbers.Count(votes, culture) + (votes == 1 ? " vote" : " votes");
}
