using System.Xml.Linq;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Feeds.Pa;

/// <summary>LocalStateOfParties: PA's running totals. It carries no revision; more results supersede fewer.</summary>
internal static class StateOfPartiesReader
{
    private const int MaxCouncils = 10_000;
    private const int MaxSeatsWon = 100_000;

    public static StateOfParties Read(XElement root)
    {
        var results = Attributes.Count(root, "numberOfResults", MaxCouncils);
        var total = Attributes.Count(root, "totalNumberOfCouncils", MaxCouncils);
        if (results > total)
        {
            throw new FeedFormatException($"numberOfResults='{results}' is more than totalNumberOfCouncils='{total}'");
        }

        var parties = root.Element("Parties")?.Elements("Party").Select(p => new PartyTotals(
            new PartyCode(Attributes.RequiredText(p, "abbreviation")),
            Attributes.RequiredText(p, "name"),
            Attributes.Count(p, "totalCouncils", MaxCouncils),
            Attributes.Change(p, "changeInControl"),
            Attributes.Count(p, "seatsWon", MaxSeatsWon),
            Signed(p, "netChangeInSeats"))).ToList() ?? [];
        var councils = root.Element("CouncilsIncluded")?.Elements("Council")
            .Select(c => Attributes.RequiredText(c, "name")).ToList() ?? [];

        // A state with more results supersedes one with fewer; the same count twice changes nothing.
        return new StateOfParties(Math.Max(results, 1), Attributes.OptionalText(root, "region") ?? "All", results, total, parties, councils);
    }

    private static int Signed(XElement element, string name)
    {
        var value = Attributes.RequiredText(element, name);
        return int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= -MaxSeatsWon and <= MaxSeatsWon
            ? n
            : throw new FeedFormatException($"<Party> {name}='{value}' is not a plausible number");
    }
}
