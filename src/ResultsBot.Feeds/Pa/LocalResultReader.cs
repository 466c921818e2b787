using System.Xml.Linq;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Feeds.Pa;

/// <summary>LocalElectionResult: a council's seats won, changes and new council.</summary>
internal static class LocalResultReader
{
    public static IReadOnlyList<FeedMessage> Read(XElement root)
    {
        var revision = Attributes.Revision(root);
        var declaredAt = Attributes.Time(root, "declarationTime");
        var elections = root.Elements("Election").ToList();
        var councils = elections.SelectMany(e => e.Elements("Council").Select(c => (Election: e, Council: c))).ToList();
        if (councils.Count == 0)
        {
            throw new FeedFormatException("no <Election><Council> in the message");
        }

        return [.. councils.Select(pair => Declaration(revision, declaredAt, pair.Election, pair.Council))];
    }

    private static CouncilDeclaration Declaration(int revision, DateTimeOffset? declaredAt, XElement election, XElement element)
    {
        var council = CouncilReader.Read(element);
        var winner = new PartyCode(Attributes.RequiredText(element, "winningParty"));
        var sitting = Sitting(element, winner, council.Name);
        var boundaryChange = Attributes.Flag(element, "boundaryChange");

        var elected = element.Element("ElectedCouncillors") is { } e ? Seats(e, council.Name) : null;
        var newCouncil = element.Element("NewCouncil") is { } n
            ? Seats(n, council.Name)
            : throw new FeedFormatException($"{council.Name}: no <NewCouncil>");
        var total = newCouncil.Sum(p => p.Seats);
        if (total == 0)
        {
            throw new FeedFormatException($"{council.Name}: the new council has no seats");
        }

        if (total > Attributes.MaxSeats)
        {
            throw new FeedFormatException($"{council.Name}: the new council has {total:N0} seats, which no council has");
        }

        foreach (var won in elected ?? [])
        {
            var onCouncil = newCouncil.Where(p => p.Party == won.Party).Sum(p => p.Seats);
            if (won.Seats > onCouncil)
            {
                throw new FeedFormatException($"{council.Name}: {won.Party} won {won.Seats} seats but has {onCouncil} on the new council");
            }
        }

        var changesElement = element.Element("Changes");
        var changes = changesElement is null ? null : Changes(changesElement, council.Name);
        var before = element.Element("CouncilBefore") is { } b ? Seats(b, council.Name) : null;
        if (changesElement?.Attribute("basis")?.Value == "composition")
        {
            // Whole-council composition changes are not the BBC/PA basis; they tell only what the council was.
            before ??= CompositionBefore(newCouncil, changes!);
            changes = null;
        }

        var basis = boundaryChange ? ChangeBasis.Notional : ChangeBasis.SeatsLastFought;
        var partial = changesElement is not null && Attributes.Flag(changesElement, "partial");

        return new CouncilDeclaration(
            revision, council, Attributes.Date(election, "date"), winner, sitting, boundaryChange,
            elected, changes, basis, newCouncil, declaredAt, partial && changes is not null, before);
    }

    // The council before the poll, worked back from the council now and each party's change in composition.
    private static List<PartySeats> CompositionBefore(List<PartySeats> now, List<SeatChange> changes) =>
        [.. now.Select(p => p.Party).Concat(changes.Select(c => c.Party)).Distinct()
            .Select(party => new PartySeats(party, Math.Max(0, now.Where(p => p.Party == party).Sum(p => p.Seats) - changes.Where(c => c.Party == party).Sum(c => c.Change))))
            .Where(p => p.Seats > 0)];

    private static PartyCode Sitting(XElement element, PartyCode winner, string council)
    {
        if (Attributes.OptionalText(element, "sittingParty") is { } sitting)
        {
            return new PartyCode(sitting);
        }

        // PA writes "no change" for a hold; without a sitting party only a hold can be read.
        return Attributes.OptionalText(element, "gainOrHold")?.ToLowerInvariant() switch
        {
            null or "no change" or "hold" => winner,
            var other => throw new FeedFormatException($"{council}: gainOrHold='{other}' but no sittingParty, so who lost control is unknown"),
        };
    }

    private static List<PartySeats> Seats(XElement list, string council) =>
        PartyRows(list, council, (party, code) => new PartySeats(code, Attributes.Count(party, "seats")));

    private static List<SeatChange> Changes(XElement list, string council) =>
        PartyRows(list, council, (party, code) => new SeatChange(code, Attributes.Change(party, "change")));

    private static List<T> PartyRows<T>(XElement list, string council, Func<XElement, PartyCode, T> read)
    {
        var rows = new List<T>();
        var seen = new HashSet<PartyCode>();
        foreach (var party in list.Elements("Party"))
        {
            var code = new PartyCode(Attributes.RequiredText(party, "name"));
            if (!seen.Add(code))
            {
                throw new FeedFormatException($"{council}: {code} appears twice in <{list.Name.LocalName}>");
            }

            rows.Add(read(party, code));
        }

        return rows;
    }
}
