using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// Suggestions while a name is being typed (Discord's autocomplete): the best 25 council or party
/// names for part of a name, ranked exact, then prefix, then a word's prefix, then anywhere in the
/// name, then a close typo. Each suggestion is a name the matching command finds.
/// </summary>
public static class Completion
{
    public const int MaxSuggestions = 25;

    private enum Rank
    {
        Exact,
        Prefix,
        WordPrefix,
        Contains,
        Typo,
        None,
    }

    public static IReadOnlyList<string> Councils(string partial, ResultsBook book)
    {
        var query = CouncilKey.For(Cut(partial));
        return Best(book.KnownCouncils.Select(c => (Name: c.Value, Keys: (IReadOnlyList<string>)[c.Key, CouncilFinder.Core(c.Key)], Order: 0)), query);
    }

    /// <summary>Suggestions among other names keyed like councils: mayoralties, police areas, parliament seats.</summary>
    public static IReadOnlyList<string> Names(string partial, IReadOnlyDictionary<string, string> names) =>
        Best(names.Select(c => (Name: c.Value, Keys: (IReadOnlyList<string>)[c.Key, CouncilFinder.Core(c.Key)], Order: 0)), CouncilKey.For(Cut(partial)));

    public static IReadOnlyList<string> Parties(string partial, ResultsBook book)
    {
        var query = PartyFinder.Key(Cut(partial));
        var board = Scoreboard.From(book).Parties.Select(p => p.Party).ToList();
        var parties = board.Concat(PartyFinder.Usual).Distinct().ToList();
        var names = PartyFinder.Names(parties).ToLookup(n => n.Party, n => n.Name);
        return Best(
            parties.Select(p => (Name: PartyNames.NameOf(p), Keys: (IReadOnlyList<string>)[.. names[p]], Order: Position(board, p))),
            query);
    }

    private static int Position(List<PartyCode> board, PartyCode party) =>
        board.IndexOf(party) is var i and >= 0 ? i : board.Count;

    private static List<string> Best(IEnumerable<(string Name, IReadOnlyList<string> Keys, int Order)> candidates, string query) =>
        [.. candidates
            .Select(c => (c.Name, c.Order, Score: c.Keys.Select(k => Score(k, query)).Min()))
            .Where(c => c.Score.Rank != Rank.None)
            .OrderBy(c => c.Score.Rank)
            .ThenBy(c => c.Score.Distance)
            .ThenBy(c => c.Order)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => c.Name)
            .Distinct()
            .Take(MaxSuggestions)];

    private static (Rank Rank, int Distance) Score(string key, string query)
    {
        if (query.Length == 0 || key == query)
        {
            return (Rank.Exact, 0);
        }

        if (key.StartsWith(query, StringComparison.Ordinal))
        {
            return (Rank.Prefix, 0);
        }

        if ((" " + key).Contains(" " + query, StringComparison.Ordinal))
        {
            return (Rank.WordPrefix, 0);
        }

        if (key.Contains(query, StringComparison.Ordinal))
        {
            return (Rank.Contains, 0);
        }

        // Three letters are too few to guess a typo from.
        if (query.Length < 4)
        {
            return (Rank.None, 0);
        }

        // Against the start of the name as long as what was typed, or the whole name: "Thurok", "Sunderlnd".
        var reach = (query.Length + 1) / 3;
        var start = key.Length > query.Length ? key[..query.Length] : key;
        var distance = Math.Min(EditDistance.Between(start, query), Math.Abs(key.Length - query.Length) <= reach ? EditDistance.Between(key, query) : int.MaxValue);
        return distance <= reach ? (Rank.Typo, distance) : (Rank.None, 0);
    }

    // Discord sends at most 100 characters; anything longer is not a name being typed.
    private static string Cut(string partial) => partial.Length > 100 ? partial[..100] : partial;
}
