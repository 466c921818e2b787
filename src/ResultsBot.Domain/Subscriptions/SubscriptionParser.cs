using System.Globalization;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Subscriptions;

/// <summary>
/// Reads /subscribe's filters: clauses separated by ";" — "everything", "region London, Wales",
/// "councils Hull, Leeds", "party Green", "changes", "wards" (ward results too), "types councils, mayors, wards", "digest 5m" / "digest off", "images on" / "images off",
/// "publish" (a Discord announcement channel's news published to the servers that follow it).
/// "forum per council" / "forum per night" (in a Discord forum: a post per council, or one for the night).
/// Every clause is checked: an unknown council, party or region is an error naming it, never ignored.
/// </summary>
public static class SubscriptionParser
{
    public const string Usage = "/subscribe region London; councils Hull, Leeds; party Green; changes; wards; types councils; digest 5m; images on; publish; forum per council  (or /subscribe with nothing for everything)";

    private static readonly string[] KnownTypes = ["council", "mayor", "pcc", "parliament", "ward", "by-election", "referendum"];

    /// <param name="knownCouncils">Councils by key, as the book knows them (plus <see cref="Regions.KnownCouncils"/>).</param>
    /// <param name="knownParties">Parties the feed has mentioned.</param>
    public static SubscriptionParse Parse(string text, IReadOnlyDictionary<string, string> knownCouncils, IEnumerable<PartyCode> knownParties) =>
        Parse(text, knownCouncils, knownParties, trusted: false);

    /// <summary>Reads back what <see cref="SubscriptionText.Write"/> stored: names are taken as written, not looked up again.</summary>
    public static SubscriptionFilter ReadStored(string text) =>
        Parse(text, new Dictionary<string, string>(), [], trusted: true).Filter ?? SubscriptionFilter.Everything;

    private static SubscriptionParse Parse(string text, IReadOnlyDictionary<string, string> knownCouncils, IEnumerable<PartyCode> knownParties, bool trusted)
    {
        var places = new List<string>();
        var councils = new List<string>();
        var parties = new List<string>();
        var types = new List<string>();
        var changes = false;
        var wards = false;
        var publish = false;
        bool? digest = null;
        bool? images = null;
        var forumPerCouncil = false;
        TimeSpan? window = null;
        // Built only for a council clause to check: reading thousands of stored filters at start must not build it each time.
        var names = new Lazy<Dictionary<string, string>>(() => knownCouncils.Concat(Regions.KnownCouncils.Where(k => !knownCouncils.ContainsKey(k.Key)))
            .ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal));

        foreach (var clause in text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = clause.IndexOf(' ', StringComparison.Ordinal);
            var word = (space < 0 ? clause : clause[..space]).ToLowerInvariant();
            var rest = space < 0 ? "" : clause[(space + 1)..].Trim();
            var items = rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string? error = null;
            switch (word)
            {
                case "everything" or "all":
                    break;
                case "region" or "regions" or "nation" or "nations":
                    error = Each(items, "region", item => Regions.Find(item) is { } found ? Add(places, found) : $"I don't know the region \"{SafeText.Echo(item)}\" (regions: {string.Join(", ", Regions.All)}; nations: {string.Join(", ", Regions.Nations)})");
                    break;
                case "council" or "councils":
                    error = trusted ? Each(items, "council", item => Add(councils, item)) : Each(items, "council", item => CouncilFinder.Find(item, names.Value) switch
                    {
                        { Key: { } key, Ambiguous: false } => Add(councils, names.Value[key]),
                        { Ambiguous: true, Candidates: var c } => $"\"{SafeText.Echo(item)}\" could be {Lists.Or([.. c.Select(k => names.Value[k])])}: which one?",
                        { Candidates: [_, ..] candidates } => $"I don't know the council \"{SafeText.Echo(item)}\"; did you mean {Lists.Or([.. candidates.Select(k => names.Value[k])])}?",
                        _ => $"I don't know the council \"{SafeText.Echo(item)}\"",
                    });
                    break;
                case "party" or "parties":
                    error = trusted ? Each(items, "party", item => Add(parties, item)) : Each(items, "party", item => PartyFinder.Find(item, knownParties) switch
                    {
                        { Party: { } party, Ambiguous: false } => Add(parties, PartyNames.Canonical(party.Value)),
                        _ => $"I don't know the party \"{SafeText.Echo(item)}\"",
                    });
                    break;
                case "wards" or "ward":
                    wards = true;
                    break;
                case "publish" or "published" or "publishing":
                    publish = true;
                    break;
                case "changes" or "change" or "gains":
                    changes = true;
                    break;
                case "type" or "types" or "elections":
                    error = Each(items, "election type", item => item.ToLowerInvariant().TrimEnd('s') is var type && KnownTypes.Contains(type) ? Add(types, type) : $"I don't know the election type \"{SafeText.Echo(item)}\" (types: councils, mayors, pccs, parliaments, wards, by-elections, referendums)");
                    break;
                case "digest" or "digests":
                    (digest, window, error) = Digest(rest, trusted);
                    break;
                case "images" or "image" or "pictures":
                    images = OnOff(rest);
                    error = images is null ? $"images takes on or off (e.g. images off), not \"{SafeText.Echo(rest)}\"" : null;
                    break;
                case "forum":
                    (forumPerCouncil, error) = Forum(rest);
                    break;
                default:
                    error = $"I don't understand \"{SafeText.Echo(clause)}\". Try: {Usage}";
                    break;
            }

            if (error is not null)
            {
                return SubscriptionParse.Fail(error);
            }
        }

        return SubscriptionParse.Ok(new SubscriptionFilter([.. places.Distinct()], [.. councils.Distinct()], [.. parties.Distinct()], changes, [.. types.Distinct()], digest, window) { Wards = wards, Images = images, Publish = publish, ForumPerCouncil = forumPerCouncil });
    }

    private static (bool PerCouncil, string? Error) Forum(string text) => text.Trim().ToLowerInvariant() switch
    {
        "per council" or "council" or "councils" => (true, null),
        "per night" or "night" => (false, null),
        _ => (false, $"forum takes per council or per night (e.g. forum per council), not \"{SafeText.Echo(text)}\""),
    };

    private static bool? OnOff(string text) => text.Trim().ToLowerInvariant() switch
    {
        "on" or "yes" or "true" => true,
        "off" or "no" or "false" => false,
        _ => null,
    };

    private static string? Each(string[] items, string what, Func<string, string?> take)
    {
        if (items.Length == 0)
        {
            return $"Name at least one {what}. Try: {Usage}";
        }

        return items.Select(take).FirstOrDefault(e => e is not null);
    }

    private static string? Add(List<string> list, string value)
    {
        list.Add(value);
        return null;
    }

    // What is typed must be at least 5s; a stored filter may carry the shorter window the configuration
    // allows (Console:DigestWindow from 1s), and reading it back must not lose the digest.
    private static (bool?, TimeSpan?, string?) Digest(string text, bool trusted)
    {
        var shortest = trusted ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);
        var value = text.Trim().ToLowerInvariant();
        // "digest" alone turns it on.
        if (OnOff(value.Length == 0 ? "on" : value) is { } on)
        {
            return (on, null, null);
        }

        if (TryDuration(value, out var window) && window >= shortest && window <= TimeSpan.FromMinutes(30))
        {
            return (true, window, null);
        }

        return (null, null, $"digest takes on, off or a window between 5s and 30m (e.g. digest 2m), not \"{SafeText.Echo(text)}\"");
    }

    private static bool TryDuration(string text, out TimeSpan span)
    {
        span = default;
        var unit = text[^1];
        if (!double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount) || amount <= 0 || amount > 100_000)
        {
            return false;
        }

        span = unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.MinValue,
        };
        return span != TimeSpan.MinValue;
    }
}
