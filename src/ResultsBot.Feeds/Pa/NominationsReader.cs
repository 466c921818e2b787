using System.Xml.Linq;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Feeds.Pa;

/// <summary>LocalElectionNominations: who stands where, and the seats each party held.</summary>
internal static class NominationsReader
{
    private const int MaxCandidates = 10_000;

    public static IReadOnlyList<FeedMessage> Read(XElement root)
    {
        var revision = Attributes.Revision(root);
        var messages = new List<FeedMessage>();
        foreach (var election in root.Elements("Election"))
        {
            foreach (var element in election.Elements("Council"))
            {
                var council = CouncilReader.Read(element);
                var parties = element.Elements("Party").Select(p => new PartyNomination(
                    new PartyCode(Attributes.OptionalText(p, "abbreviation") ?? Attributes.RequiredText(p, "name")),
                    Attributes.RequiredText(p, "name"),
                    Attributes.Count(p, "seatsHeld"),
                    Attributes.Count(p, "seatsOffered"),
                    Attributes.Count(p, "unopposedReturns"),
                    Attributes.Count(p, "candidates", MaxCandidates))).ToList();
                messages.Add(new CouncilNominations(revision, council, Attributes.Date(election, "date"), parties));
            }
        }

        return messages.Count > 0 ? messages : throw new FeedFormatException("no <Election><Council> in the message");
    }
}
