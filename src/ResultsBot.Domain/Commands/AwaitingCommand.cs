using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// /awaiting [REGION | NATION]: how many councils are still to declare, grouped by English region and by
/// nation, each with the councils PA has named. Too long for one message, it gives the counts and asks for a region.
/// </summary>
internal static class AwaitingCommand
{
    // Who lists the night's councils, in words a reader knows: never "the feed".
    private const string PaName = "PA";

    // Discord's message limit, less room for the heading.
    private const int MaxLength = 1_900;

    public static CommandAnswer Answer(string argument, ResultsBook book, CultureInfo culture)
    {
        var declared = Numbers.Count(book.DeclaredCount, culture);
        if (book.ExpectedCount is not { } expected)
        {
            var sofar = book.DeclaredCount == 0 ? "None has declared yet." : $"{declared} declared so far.";
            return new CommandAnswer($"{PaName} has not said how many councils there are, so I can't tell how many are still to declare. {sofar}");
        }

        Narrowing? narrowing = argument.Trim().Length == 0 ? new Narrowing(false, null, null) : Regions.Find(argument) is { } place ? new Narrowing(true, null, place) : null;
        if (narrowing is null)
        {
            return CommandAnswer.Problem($"I don't know the region or nation \"{SafeText.Echo(argument)}\". Try /awaiting North West or /awaiting Wales.");
        }

        var waiting = expected - book.DeclaredCount;
        if (waiting == 0)
        {
            return new CommandAnswer($"All {Numbers.Count(expected, culture)} councils have declared.");
        }

        var comparer = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        var named = book.KnownCouncils
            .Where(c => book.DeclarationFor(c.Key) is null && narrowing.Keeps(c.Key))
            .Select(c => (Key: c.Key, Name: c.Value))
            .ToList();
        var heading = $"{Numbers.Count(waiting, culture)} of {Numbers.Count(expected, culture)} councils still to declare";
        if (narrowing.Place is { } where)
        {
            var names = named.Select(c => c.Name).Order(comparer).ToList();
            return new CommandAnswer(names.Count == 0
                ? $"{heading}; none of those {PaName} has named is in {where}."
                : $"{heading}. In {where}, {Numbers.Count(names.Count, culture)}: {Lists.And(names)}.");
        }

        if (named.Count == 0)
        {
            return new CommandAnswer($"{heading}; {PaName} has not named them yet.");
        }

        var groups = named.GroupBy(c => Group(c.Key))
            .OrderBy(g => Order(g.Key))
            .Select(g => (Name: g.Key, Councils: g.Select(c => c.Name).Order(comparer).ToList()))
            .ToList();
        var intro = named.Count == waiting ? $"{heading}:" : $"{heading}. {PaName} has named {Numbers.Count(named.Count, culture)} of them so far:";
        var full = string.Join("\n", [intro, .. groups.Select(g => $"{g.Name} ({Numbers.Count(g.Councils.Count, culture)}): {Lists.And(g.Councils)}")]);
        return new CommandAnswer(full.Length <= MaxLength
            ? full
            : string.Join("\n", [intro, .. groups.Select(g => $"{g.Name}: {Numbers.Count(g.Councils.Count, culture)}"), "Ask for one region or nation for the names, e.g. /awaiting North West."]));
    }

    /// <summary>An English council's region, else its nation; "Elsewhere" for a council the register cannot place.</summary>
    private static string Group(string councilKey) =>
        Regions.RegionOf(councilKey) ?? Regions.NationOf(councilKey) ?? "Elsewhere";

    // England's regions north to south, then Scotland, Wales, Northern Ireland and any the register cannot place.
    private static int Order(string group) =>
        Regions.All.ToList().IndexOf(group) is >= 0 and var region ? region
        : Regions.Nations.ToList().IndexOf(group) is >= 0 and var nation ? Regions.All.Count + nation
        : int.MaxValue;
}
