using System.Globalization;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Text;
using ResultsBot.Rendering.Charts;

namespace ResultsBot.Rendering.Pictures;

/// <summary>A declared council's chamber: the new council by party, biggest first, with the seats each gained on the stated basis.</summary>
public static class CouncilChamber
{
    public static ChamberPicture From(CouncilDeclaration declaration, string source, DateTimeOffset at, CultureInfo culture)
    {
        var parties = declaration.NewCouncil.GroupBy(p => p.Party)
            .Select(g => (Party: g.Key, Seats: g.Sum(p => p.Seats)))
            .Where(p => p.Seats > 0)
            .OrderByDescending(p => p.Seats).ThenBy(p => PartyNames.NameOf(p.Party), StringComparer.Ordinal)
            .Select(p => new ChamberParty(PartyNames.NameOf(p.Party), PartyColours.Of(p.Party), p.Seats, Math.Max(0, Math.Min(p.Seats, declaration.ChangeOf(p.Party) ?? 0))))
            .ToList();
        return new ChamberPicture(declaration.Council.Name, Headlines.For(declaration), $"{source} · {UkTime.Format(at, culture)}", parties);
    }
}
