using System.Globalization;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>"Labour 25 (+21), Independents 9 (+1)": seats by party, biggest first, with changes when known.</summary>
internal static class SeatLines
{
    /// <param name="changes">Changes in seats won; none printed when null or empty (the note line says why once).</param>
    /// <param name="partial">True when parties left out of <paramref name="changes"/> have no known change (not a zero).</param>
    public static string Format(IReadOnlyList<PartySeats> seats, IReadOnlyList<SeatChange>? changes, bool partial, CultureInfo culture)
    {
        var listed = changes ?? [];
        var parties = Ordered(seats, seats.Select(s => s.Party).Concat(listed.Where(c => c.Change != 0).Select(c => c.Party)));
        return string.Join(", ", parties.Select(p =>
        {
            var text = $"{PartyNames.NameOf(p.Party)} {Numbers.Count(p.Seats, culture)}";
            var known = listed.Any(c => c.Party == p.Party) || !partial;
            return listed.Count > 0 && known
                ? $"{text} ({Numbers.Signed(listed.Where(c => c.Party == p.Party).Sum(c => c.Change), culture)})"
                : text;
        }));
    }

    /// <summary>"Labour 24 (was 18), Conservatives 0 (was 3)": the council now against the council before the poll, when known.</summary>
    public static string FormatAgainst(IReadOnlyList<PartySeats> now, IReadOnlyList<PartySeats>? before, CultureInfo culture)
    {
        var parties = Ordered(now, now.Select(s => s.Party).Concat(before?.Where(p => p.Seats > 0).Select(p => p.Party) ?? []));
        return string.Join(", ", parties.Select(p =>
        {
            var text = $"{PartyNames.NameOf(p.Party)} {Numbers.Count(p.Seats, culture)}";
            return before is null ? text : $"{text} (was {Numbers.Count(before.Where(b => b.Party == p.Party).Sum(b => b.Seats), culture)})";
        }));
    }

    // Plain loops: every declaration post and every /council answer orders its parties, and the LINQ chain
    // (distinct, a sum per party, two sorts) was a fifth of a /council answer in the bench's profile.
    private static List<(PartyCode Party, int Seats)> Ordered(IReadOnlyList<PartySeats> seats, IEnumerable<PartyCode> parties)
    {
        var ordered = new List<(PartyCode Party, int Seats)>(seats.Count + 2);
        foreach (var party in parties)
        {
            if (ordered.Exists(p => p.Party == party))
            {
                continue;
            }

            var total = 0;
            foreach (var s in seats)
            {
                total += s.Party == party ? s.Seats : 0;
            }

            ordered.Add((party, total));
        }

        // Most seats first, then by name; an insertion sort, so it is stable as OrderBy was (a handful of parties).
        for (var i = 1; i < ordered.Count; i++)
        {
            var item = ordered[i];
            var j = i - 1;
            for (; j >= 0 && Before(item, ordered[j]); j--)
            {
                ordered[j + 1] = ordered[j];
            }

            ordered[j + 1] = item;
        }

        return ordered;
    }

    private static bool Before((PartyCode Party, int Seats) a, (PartyCode Party, int Seats) b) =>
        a.Seats != b.Seats ? a.Seats > b.Seats : string.CompareOrdinal(PartyNames.NameOf(a.Party), PartyNames.NameOf(b.Party)) < 0;
}
