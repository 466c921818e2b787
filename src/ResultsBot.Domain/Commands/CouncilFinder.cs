using ResultsBot.Domain.Councils;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// Finds the council a user meant: case, punctuation, "&amp;"/"and", "St"/"Saint", "upon"/"on", and
/// the words around a name ("City of", "Borough of", "Council") do not matter; a unique prefix will do.
/// </summary>
public static class CouncilFinder
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "city", "of", "borough", "council", "district", "county", "metropolitan", "london", "royal", "the",
    };

    /// <summary>Well-known short names, used only when the full name is among the councils.</summary>
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["hull"] = "kingston on hull",
        ["brum"] = "birmingham",
        ["newcastle"] = "newcastle on tyne",
        ["southend"] = "southend on sea",
    };

    public static CouncilMatch Find(string query, IReadOnlyDictionary<string, string> councils)
    {
        var key = CouncilKey.For(query);
        if (key.Length == 0)
        {
            return CouncilMatch.None([]);
        }

        if (councils.ContainsKey(key))
        {
            return new CouncilMatch(key, [key]);
        }

        var core = Core(key);
        var byCore = councils.Keys.Where(k => Core(k) == core).ToList();
        if (byCore.Count == 1)
        {
            return new CouncilMatch(byCore[0], byCore);
        }

        if (ShortNames.TryGetValue(core, out var full))
        {
            // "Hull" finds "Kingston upon Hull" and "City of Kingston upon Hull" alike.
            var byShortName = councils.Keys.Where(k => Core(k) == full).ToList();
            if (byShortName.Count == 1)
            {
                return new CouncilMatch(byShortName[0], byShortName);
            }
        }

        var byPrefix = councils.Keys.Where(k => Core(k).StartsWith(core, StringComparison.Ordinal)).ToList();
        if (byPrefix.Count == 1)
        {
            return new CouncilMatch(byPrefix[0], byPrefix);
        }

        if (byCore.Count > 1 || byPrefix.Count > 1)
        {
            return CouncilMatch.None([.. byCore.Concat(byPrefix).Distinct().Order(StringComparer.Ordinal)]);
        }

        var reach = Math.Max(2, core.Length / 4);
        var close = councils.Keys
            .Select(k => (Key: k, Core: Core(k)))
            // Two words are at least as far apart as their lengths differ: skip the letter-by-letter
            // comparison when that alone is out of reach (a pasted 200 KB "name" cost seconds).
            .Where(c => Math.Abs(c.Core.Length - core.Length) <= reach)
            .Select(c => (c.Key, Distance: Distance(c.Core, core)))
            .Where(c => c.Distance <= reach)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Key)
            .ToList();
        return CouncilMatch.None(close);
    }

    private static string Core(string key)
    {
        var core = string.Join(' ', key.Split(' ').Where(w => !Filler.Contains(w)));
        return core.Length == 0 ? key : core;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
