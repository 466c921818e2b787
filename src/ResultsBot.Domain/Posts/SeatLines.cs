using System.Globalization;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>"Labour 25 (+21), Independents 9 (+1)": seats by party, biggest first, with changes when known.</summary>
internal static class SeatLines
{
    public static string Format(IReadOnlyList<PartySeats> seats, IReadOnlyList<SeatChange>? changes, CultureInfo culture)
    {
        var parties = seats.Select(s => s.Party)
            .Concat(changes?.Where(c => c.Change != 0).Select(c => c.Party) ?? [])
            .Distinct()
            .Select(party => (Party: party, Seats: seats.Where(s => s.Party == party).Sum(s => s.Seats)))
            .OrderByDescending(p => p.Seats)
            .ThenBy(p => PartyNames.NameOf(p.Party), StringComparer.Ordinal);

        return string.Join(", ", parties.Select(p =>
        {
            var text = $"{PartyNames.NameOf(p.Party)} {Numbers.Count(p.Seats, culture)}";
            if (changes is null or { Count: 0 })
            {
                // No changes listed: the note line says so once, not "(±0)" against every party.
                return text;
            }

            var change = changes.Where(c => c.Party == p.Party).Sum(c => c.Change);
            return $"{text} ({Numbers.Signed(change, culture)})";
        }));
    }
}
