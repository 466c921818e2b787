using System.Xml.Linq;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Feeds.Pa;

/// <summary>
/// PA's candidate elections: FirstPastThePost* (mayors, police and crime commissioners, parliament constituencies)
/// and TopUp* (parliament regional lists). What is elected comes from the Election's type and name.
/// </summary>
internal static class CandidateReader
{
    private const int MaxCandidates = 1_000;

    public static IReadOnlyList<FeedMessage> Read(XElement root)
    {
        var type = root.Name.LocalName;
        var list = type.StartsWith("TopUp", StringComparison.Ordinal);
        var revision = Attributes.Revision(root);
        var declaredAt = Attributes.Time(root, "declarationTime");
        var messages = new List<FeedMessage>();
        foreach (var election in root.Elements("Election"))
        {
            foreach (var element in election.Elements("Constituency"))
            {
                var contest = ContestOf(election, element, list);
                var candidates = element.Elements("Candidate").Take(MaxCandidates + 1).Select(ReadCandidate).ToList();
                if (candidates.Count > MaxCandidates)
                {
                    throw new FeedFormatException($"{contest.Name} has more than {MaxCandidates:N0} candidates");
                }

                if (candidates.Sum(c => (long)(c.Votes ?? 0)) > Figures.MaxVotes)
                {
                    throw new FeedFormatException($"{contest.Name}: the candidates' votes add up to more than {Figures.MaxVotes:N0}");
                }

                messages.Add(type switch
                {
                    "FirstPastThePostNominations" or "TopUpNominations" => new CandidateNominations(revision, contest, candidates),
                    "FirstPastThePostRush" => Rush(revision, contest, element, candidates),
                    "FirstPastThePostResult" => Result(revision, contest, element, candidates, declaredAt),
                    "TopUpRush" or "TopUpResult" => new ListResult(
                        revision,
                        contest,
                        type == "TopUpRush",
                        [.. candidates.Where(c => c.Elected)],
                        PartyVotes(contest, element),
                        Figures.Votes(element, "turnout"),
                        Figures.Percent(element, "percentageTurnout"),
                        declaredAt),
                    _ => throw new FeedFormatException($"<{type}> is not a candidate message"),
                });
            }
        }

        return messages.Count > 0 ? messages : throw new FeedFormatException("no <Election><Constituency> in the message");
    }

    /// <summary>PA's type: M is mayoral; S and W the Scottish and Welsh parliaments. Police areas are named so.</summary>
    private static Contest ContestOf(XElement election, XElement constituency, bool list)
    {
        var electionName = Attributes.RequiredText(election, "name");
        var electionType = Attributes.OptionalText(election, "type") ?? "";
        var kind = electionType.ToUpperInvariant() switch
        {
            _ when electionName.Contains("Police", StringComparison.OrdinalIgnoreCase) || electionType.Equals("P", StringComparison.OrdinalIgnoreCase) => ContestKind.PoliceCommissioner,
            "M" => ContestKind.Mayor,
            _ when electionName.Contains("Mayor", StringComparison.OrdinalIgnoreCase) => ContestKind.Mayor,
            _ => list ? ContestKind.Region : ContestKind.Constituency,
        };
        return new Contest(kind, Attributes.RequiredText(constituency, "name"), electionName, electionType, Figures.Votes(constituency, "electorate"));
    }

    private static CandidateRush Rush(int revision, Contest contest, XElement element, List<Candidate> candidates)
    {
        var winner = candidates.FirstOrDefault(c => c.Elected);
        var winningParty = Attributes.OptionalText(element, "winningPartyAbbreviation") is { } code ? new PartyCode(code) : winner?.Party
            ?? throw new FeedFormatException($"{contest.Name}: the rush names no winner");
        var sitting = Attributes.OptionalText(element, "sittingPartyAbbreviation") is { } s ? new PartyCode(s) : (PartyCode?)null;
        return new CandidateRush(revision, contest, winner, winningParty, sitting, IsGain(element, winningParty, sitting), Attributes.OptionalText(element, "paStyleMessageText"));
    }

    private static CandidateResult Result(int revision, Contest contest, XElement element, List<Candidate> candidates, DateTimeOffset? declaredAt)
    {
        var winningParty = Attributes.OptionalText(element, "winningParty") is { } code ? new PartyCode(code) : candidates.FirstOrDefault(c => c.Elected)?.Party
            ?? throw new FeedFormatException($"{contest.Name}: the result names no winner");
        var sitting = Attributes.OptionalText(element, "sittingParty") is { } s ? new PartyCode(s) : (PartyCode?)null;
        return new CandidateResult(
            revision,
            contest,
            [.. candidates.OrderByDescending(c => c.Votes ?? 0)],
            winningParty,
            sitting,
            IsGain(element, winningParty, sitting),
            Figures.Votes(element, "turnout"),
            Figures.Percent(element, "percentageTurnout"),
            Figures.Percent(element, "percentageChangeTurnout"),
            Figures.Votes(element, "majority"),
            Figures.Percent(element, "percentageMajority"),
            declaredAt);
    }

    private static bool IsGain(XElement element, PartyCode winner, PartyCode? sitting) =>
        Attributes.OptionalText(element, "gainOrHold")?.ToLowerInvariant() switch
        {
            "gain" => true,
            "hold" => false,
            _ => sitting is { } s && s != winner,
        };

    private static Candidate ReadCandidate(XElement element)
    {
        var party = element.Element("Party") ?? throw new FeedFormatException($"candidate {Attributes.OptionalText(element, "surname")} has no <Party>");
        var partyName = Attributes.RequiredText(party, "name");
        return new Candidate(
            Attributes.OptionalText(element, "firstName") ?? "",
            Attributes.OptionalText(element, "surname") ?? Attributes.RequiredText(element, "ballotName"),
            new PartyCode(Attributes.OptionalText(party, "abbreviation") ?? partyName),
            partyName,
            Figures.Marked(element, "elected"),
            Figures.Marked(element, "previousSittingMember"),
            Figures.Votes(party, "votes"),
            Figures.Percent(party, "percentageShare"),
            Figures.Percent(party, "percentageShareChange"),
            Figures.Votes(element, "partyListRank"));
    }

    private static List<PartyVote> PartyVotes(Contest contest, XElement element)
    {
        var votes = element.Elements("Party").Take(MaxCandidates + 1).Select(ReadPartyVote).ToList();
        if (votes.Count > MaxCandidates || votes.Sum(v => (long)v.Votes) > Figures.MaxVotes)
        {
            throw new FeedFormatException($"{contest.Name}: more than {MaxCandidates:N0} parties or more than {Figures.MaxVotes:N0} votes in all");
        }

        return votes;
    }

    private static PartyVote ReadPartyVote(XElement party)
    {
        var name = Attributes.RequiredText(party, "name");
        return new PartyVote(
            new PartyCode(Attributes.OptionalText(party, "abbreviation") ?? name),
            name,
            Attributes.Count(party, "votes", Figures.MaxVotes),
            Figures.Percent(party, "percentageShare") ?? 0,
            Figures.Percent(party, "percentageShareChange"));
    }
}
