namespace ResultsBot.Domain.Commands;

/// <summary>
/// Every command a user can type, the one list that everything reads: Discord registers it, /help lists it, the
/// engine routes by it (names and aliases), and Slack's /results takes its names as its first word. Names are
/// lower-case, at most 32 characters; descriptions at most 100 (Discord's limits); the order is /help's.
/// </summary>
public static class CommandCatalogue
{
    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("council", "A council's result, or what is up if it has not declared", [new("name", "Council name, PA id or GSS code", true, "council")])
        {
            Help = [new("/council NAME", "a council's result, or what is up if it has not declared (NAME, PA id or GSS code)")],
        },
        new("mayor", "A mayoralty's result, its call, or who is standing", [new("name", "Where the mayor is elected, e.g. Hackney", true, "mayor")])
        {
            Help = [new("/mayor NAME", "a mayoralty's result, its call, or who is standing")],
        },
        new("pcc", "A police and crime commissioner's result, or who is standing", [new("area", "Police area, e.g. Kent", true, "pcc")])
        {
            Help = [new("/pcc AREA", "a police and crime commissioner's result, its call, or who is standing")],
        },
        new("seat", "A Scottish or Welsh parliament seat's result (constituency or list)", [new("name", "Constituency or region, e.g. Aberdeen Central", true, "seat")])
        {
            Help = [new("/seat NAME", "a Scottish or Welsh parliament seat's result (constituency or list)")],
        },
        new("scoreboard", "Councils and councillors by party; the parliaments' seats", [])
        {
            Help = [new("/scoreboard", "councils and councillors by party, with changes; the parliaments' seats")],
            Aliases = ["scores"],
        },
        new("gains", "Every change of control so far, newest first", [new("filter", "A party, a region or nation, or all", false)])
        {
            Help = [new("/gains [PARTY]", "every change of control so far, newest first (a party, region or \"all\")")],
        },
        new("party", "A party's night: councils held, gained and lost", [new("name", "Party name or abbreviation", true, "party")])
        {
            Help = [new("/party NAME", "a party's night: councils held, gained and lost, councillors")],
        },
        new("declared", "Councils declared so far, the latest first, with the call", [new("filter", "A party, a region or nation, or all", false)])
        {
            Help = [new("/declared [PARTY]", "councils declared so far, the latest first, with the call (a party, region or \"all\")")],
        },
        new("awaiting", "Councils still to declare, by nation and region", [new("place", "A region or nation", false)])
        {
            Help = [new("/awaiting [REGION]", "councils still to declare, by nation and region")],
        },
        new("ward", "A ward's or by-election's result", [new("name", "Ward name, with its council if two share it", true)])
        {
            Help = [new("/ward NAME", "a ward's or by-election's result (NAME, or NAME and council)")],
            Aliases = ["byelection"],
        },
        new("map", "The night as a map of council control", [])
        {
            Help = [new("/map", "the night as a map of council control")],
        },
        new("chamber", "A declared council's new chamber as a picture", [new("name", "Council name", true, "council")])
        {
            Help = [new("/chamber COUNCIL", "a declared council's new chamber as a picture")],
        },
        new("chart", "Councillors' net change by party as a chart", [])
        {
            Help = [new("/chart", "councillors' net change by party as a chart")],
        },
        new("referendum", "A referendum's result; with no area, every referendum so far", [new("area", "Where it was held", false)])
        {
            Help = [new("/referendum AREA", "a referendum's result; with no area, every referendum so far")],
        },
        new("share", "The projected national share, with its source and time", [new("set", "Admins only: enter the share, e.g. LAB 34 CON 27 source \"BBC\"", false, Keyword: true)])
        {
            Help = [new("/share", "the projected national share, with its source and time"), new("/share set ...", "enter the projected national share (admins only)")],
            Aliases = ["pns"],
        },
        new("subscribe", "Post results in this channel, optionally filtered", [new("filters", "e.g. region London; party Green; councils Hull, Leeds; changes; digest 5m", false)], ChangesSettings: true)
        {
            Help = [new("/subscribe FILTERS", "post results in this channel, e.g. region London; party Green; changes; publish (in a Discord announcement channel); forum per council (in a Discord forum) (admins only)")],
            AboutTheChannel = true,
        },
        new("subscriptions", "This channel's subscription and its filters", [])
        {
            Help = [new("/subscriptions", "this channel's subscription and whether it is paused")],
            AboutTheChannel = true,
        },
        new("unsubscribe", "Stop posting results in this channel", [], ChangesSettings: true)
        {
            Help = [new("/unsubscribe", "stop posting results in this channel (admins only)")],
            AboutTheChannel = true,
        },
        new("help", "What the bot can answer", [])
        {
            Help = [new("/help", "this list")],
            Aliases = ["start"],
        },
    ];

    /// <summary>The command typed as <paramref name="name"/> (lower-case, no slash), by its name or an alias.</summary>
    public static CommandSpec? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// Whether running this command text ("/declared all") again only reads the results: true for every command but
    /// those that change or show settings (/subscribe, /unsubscribe, /subscriptions) and /share set. A button that
    /// runs a command again when pressed (a page, "Share to channel") is only ever made for these.
    /// </summary>
    public static bool ReadsOnly(string input)
    {
        if (!input.StartsWith('/'))
        {
            return false;
        }

        var words = input[1..].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var spec = words.Length == 0 ? null : Find(words[0].ToLowerInvariant());
        var setsTheShare = spec?.Name == "share" && words.Length > 1 && words[1].TrimStart().StartsWith("set", StringComparison.OrdinalIgnoreCase);
        return spec is { ChangesSettings: false, AboutTheChannel: false } && !setsTheShare;
    }

    /// <summary>/help: every command's lines, usage in a column so the descriptions line up.</summary>
    public static string HelpText { get; } =
        "Commands:\n" + string.Join('\n', All.SelectMany(c => c.Help).Select(line => "  " + line.Usage.PadRight(UsageColumn) + line.Text));

    private const int UsageColumn = 20;

    private static readonly Dictionary<string, CommandSpec> ByName =
        All.SelectMany(c => c.Aliases.Prepend(c.Name).Select(name => (name, c))).ToDictionary(p => p.name, p => p.c, StringComparer.Ordinal);
}
