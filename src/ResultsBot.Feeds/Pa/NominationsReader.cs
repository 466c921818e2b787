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
                if (parties.Sum(p => (long)p.SeatsHeld) > Attributes.MaxSeats || parties.Sum(p => (long)p.SeatsOffered) > Attributes.MaxSeats)
                {
                    throw new FeedFormatException($"{council.Name}: the parties hold or contest more than {Attributes.MaxSeats:N0} seats, which no council has");
                }

                messages.Add(new CouncilNominations(revision, council, Attributes.Date(election, "date"), parties));
            }
        }

        return messages.Count > 0 ? messages : throw new FeedFormatException("no <Election><Council> in the message");
    }
}
