using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// Finds the council a user meant: case, punctuation, "&amp;"/"and", "St"/"Saint", "upon"/"on", and
/// the words around a name ("City of", "Borough of", "Council") do not matter; a unique prefix will do.
/// A name that fits several councils equally ("Newcastle", "Kingston") gives them all to choose from.
/// </summary>
public static class CouncilFinder
{
    /// <summary>Well-known short names, used only when the full name is among the councils.</summary>
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["hull"] = "kingston on hull",
        ["brum"] = "birmingham",
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

        // And the other way: "Kingston upon Hull" finds a feed's "Hull".
        var shortName = ShortNames.FirstOrDefault(s => s.Value == core).Key;
        var byFullName = shortName is null ? [] : councils.Keys.Where(k => Core(k) == shortName).ToList();
        if (byFullName.Count == 1)
        {
            return new CouncilMatch(byFullName[0], byFullName);
        }

        var byPrefix = councils.Keys.Where(k => Core(k).StartsWith(core, StringComparison.Ordinal)).ToList();
        if (byPrefix.Count == 1)
        {
            return new CouncilMatch(byPrefix[0], byPrefix);
        }

        if (byCore.Count > 1 || byPrefix.Count > 1)
        {
            return CouncilMatch.OneOf([.. byCore.Concat(byPrefix).Distinct().Order(StringComparer.Ordinal)]);
        }

        var reach = Math.Max(2, core.Length / 4);
        var close = councils.Keys
            .Select(k => (Key: k, Core: Core(k)))
            // Two words are at least as far apart as their lengths differ: skip the letter-by-letter
            // comparison when that alone is out of reach (a pasted 200 KB "name" cost seconds).
            .Where(c => Math.Abs(c.Core.Length - core.Length) <= reach)
            .Select(c => (c.Key, Distance: EditDistance.Between(c.Core, core)))
            .Where(c => c.Distance <= reach)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Key)
            .ToList();
        return CouncilMatch.None(close);
    }

    /// <summary>A council's key without the words around the name ("city", "of", "council"...).</summary>
    internal static string Core(string key) => CouncilKey.Core(key);
}
