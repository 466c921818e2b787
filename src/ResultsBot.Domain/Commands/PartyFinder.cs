using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// Finds the party a user meant: its code ("Lab", "C", "LD"), its name in any case, with or without
/// "Party", and the names people use on the night ("Tories", "Lib Dems", "Plaid").
/// </summary>
public static class PartyFinder
{
    // Keys are spelt as CouncilKey.For spells them, without "the" and "party".
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["Lab"] = ["lab", "labour", "labor"],
        ["C"] = ["c", "con", "cons", "conservative", "conservatives", "tory", "tories", "conservative and unionist"],
        ["LD"] = ["ld", "lib dem", "lib dems", "libdem", "libdems", "liberal democrat", "liberal democrats", "liberal", "liberals"],
        ["Green"] = ["green", "greens", "grn"],
        ["Reform"] = ["reform", "reform uk", "ref", "reformuk"],
        ["Ind"] = ["ind", "inds", "independent", "independents", "independent other"],
        ["R"] = ["r", "residents", "resident", "residents association", "residents associations", "ratepayers"],
        ["SNP"] = ["snp", "scottish national", "scottish nationalists"],
        ["PC"] = ["pc", "plaid", "plaid cymru"],
        ["Your"] = ["your"],
        ["UKIP"] = ["ukip"],
        ["Oth"] = ["oth", "other", "others"],
    };

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "the", "party" };

    /// <summary>The parties people ask about on most nights, whether or not the feed has mentioned them yet.</summary>
    internal static IEnumerable<PartyCode> Usual { get; } =
        [.. Aliases.Keys.Where(code => code != "Oth").Select(code => new PartyCode(code))];

    /// <param name="query">What the user typed.</param>
    /// <param name="known">Parties the feed has mentioned, so codes it uses that the bot has no name for are found too.</param>
    public static PartyMatch Find(string query, IEnumerable<PartyCode> known)
    {
        var key = Key(query);
        if (key.Length == 0)
        {
            return new PartyMatch(null, []);
        }

        var names = Names(known).ToList();
        var exact = names.Where(n => n.Name == key).Select(n => n.Party).Distinct().ToList();
        if (exact.Count == 1)
        {
            return new PartyMatch(exact[0], exact);
        }

        var byPrefix = names.Where(n => key.Length >= 2 && n.Name.StartsWith(key, StringComparison.Ordinal)).Select(n => n.Party).Distinct().ToList();
        if (byPrefix.Count == 1)
        {
            return new PartyMatch(byPrefix[0], byPrefix);
        }

        if (byPrefix.Count > 1)
        {
            return new PartyMatch(null, byPrefix, Ambiguous: true);
        }

        var reach = Math.Max(1, (key.Length + 1) / 3);
        var close = names
            .Where(n => key.Length >= 3 && Math.Abs(n.Name.Length - key.Length) <= reach)
            .Select(n => (n.Party, Distance: EditDistance.Between(n.Name, key)))
            .Where(n => n.Distance <= reach)
            .OrderBy(n => n.Distance)
            .Select(n => n.Party)
            .Distinct()
            .Take(3)
            .ToList();
        return new PartyMatch(null, close);
    }

    /// <summary>Every name a party goes by, spelt as <see cref="Key"/> spells what users type.</summary>
    internal static IEnumerable<(PartyCode Party, string Name)> Names(IEnumerable<PartyCode> known)
    {
        foreach (var (code, aliases) in Aliases)
        {
            foreach (var alias in aliases)
            {
                yield return (new PartyCode(code), alias);
            }
        }

        foreach (var party in known.Where(p => !p.IsNoOverallControl))
        {
            yield return (party, Key(party.Value));
            yield return (party, Key(PartyNames.NameOf(party)));
        }
    }

    /// <summary>What a user typed, in lower case, words only, without "the" and "party"; long input is cut first.</summary>
    internal static string Key(string text)
    {
        var words = CouncilKey.For(text.Length > 100 ? text[..100] : text).Split(' ').Where(w => !Filler.Contains(w));
        return string.Join(' ', words);
    }
}
