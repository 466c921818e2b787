using System.Xml.Linq;
using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Feeds.Pa;

/// <summary>FirstPastThePostStateOfParties and TopUpStateOfParties: a parliament's running totals.</summary>
internal static class ParliamentStateReader
{
    public static ParliamentStateOfParties Read(XElement root)
    {
        var election = root.Element("Election") ?? throw new FeedFormatException("no <Election>");
        var results = Attributes.Count(root, "numberOfResults", 10_000);
        var parties = (root.Element("Parties")?.Elements("Party") ?? []).Select(p =>
        {
            var name = Attributes.RequiredText(p, "name");
            return new ParliamentParty(
                new PartyCode(Attributes.OptionalText(p, "abbreviation") ?? name),
                name,
                Figures.Votes(p, "totalSeats") ?? 0,
                Figures.Votes(p, "gains") ?? 0,
                Figures.Votes(p, "losses") ?? 0,
                Figures.Votes(p, "totalVotes") ?? 0,
                Figures.Percent(p, "percentageShare") ?? 0,
                Figures.Percent(p, "percentageChange"));
        }).ToList();
        return new ParliamentStateOfParties(
            Math.Max(results, 1),
            Attributes.RequiredText(election, "name"),
            Attributes.OptionalText(election, "type") ?? "",
            root.Name.LocalName.StartsWith("TopUp", StringComparison.Ordinal),
            results,
            Figures.Votes(root, "totalNumberOfConstituencies") ?? results,
            parties);
    }
}
