using System.Globalization;

namespace ResultsBot.Feeds.DemocracyClub;

/// <summary>
/// What a Democracy Club ballot paper id says: <c>local.sheffield.ecclesall.2024-05-02</c> is the
/// Ecclesall ward of Sheffield on 2 May 2024; <c>.by.</c> before the date marks a by-election;
/// <c>parl.hexham.by.2024-07-04</c> is a parliamentary by-election. Names come from the slugs,
/// since the results API gives no names ("stocksbridge-upper-don" reads "Stocksbridge Upper Don").
/// </summary>
internal sealed record BallotPaperId(string Tier, string? Organisation, string Area, DateOnly Date, bool IsByElection)
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "and", "of", "on", "upon", "the", "under", "in", "le", "by", "with" };

    /// <summary>Null for tiers the bot does not read as ward results (mayors, PCCs, devolved bodies) or an id it cannot read.</summary>
    public static BallotPaperId? Read(string id)
    {
        var parts = id.Split('.');
        if (parts.Length < 3 || !DateOnly.TryParseExact(parts[^1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var byElection = parts[^2] == "by";
        var middle = parts[1..(byElection ? ^2 : ^1)];
        return (parts[0], middle) switch
        {
            ("local", [var council, var ward]) => new BallotPaperId("local", Name(council), Name(ward), date, byElection),
            ("parl", [var constituency]) when byElection => new BallotPaperId("parl", null, Name(constituency), date, true),
            _ => null,
        };
    }

    private static string Name(string slug)
    {
        var words = slug.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select((word, i) => i > 0 && SmallWords.Contains(word) ? word : char.ToUpperInvariant(word[0]) + word[1..]));
    }
}
