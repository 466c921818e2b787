namespace ResultsBot.Domain.Commands;

/// <summary>
/// Every command a user can type, for the platforms to register (Discord's slash commands, Slack's
/// /results help). Names are lower-case, at most 32 characters; descriptions at most 100 (Discord's limits).
/// </summary>
public static class CommandCatalogue
{
    public static IReadOnlyList<CommandSpec> All { get; } =
    [
        new("council", "A council's result, or what is up if it has not declared", [new("name", "Council name, PA id or GSS code", true, "council")]),
        new("mayor", "A mayoralty's result, its call, or who is standing", [new("name", "Where the mayor is elected, e.g. Hackney", true, "mayor")]),
        new("pcc", "A police and crime commissioner's result, or who is standing", [new("area", "Police area, e.g. Kent", true, "pcc")]),
        new("seat", "A Scottish or Welsh parliament seat's result (constituency or list)", [new("name", "Constituency or region, e.g. Aberdeen Central", true, "seat")]),
        new("scoreboard", "Councils and councillors by party; the parliaments' seats", []),
        new("gains", "Every change of control so far, newest first", [new("filter", "A party, a region or nation, or all", false)]),
        new("party", "A party's night: councils held, gained and lost", [new("name", "Party name or abbreviation", true, "party")]),
        new("declared", "Councils declared so far, the latest first, with the call", [new("filter", "A party, a region or nation, or all", false)]),
        new("awaiting", "Councils still to declare, by nation and region", [new("place", "A region or nation", false)]),
        new("map", "The night as a map of council control", []),
        new("chamber", "A declared council's new chamber as a picture", [new("name", "Council name", true, "council")]),
        new("chart", "Councillors' net change by party as a chart", []),
        new("ward", "A ward's or by-election's result", [new("name", "Ward name, with its council if two share it", true)]),
        new("referendum", "A referendum's result; with no area, every referendum so far", [new("area", "Where it was held", false)]),
        new("share", "The projected national share, with its source and time", [new("set", "Admins only: enter the share, e.g. LAB 34 CON 27 source \"BBC\"", false, Keyword: true)]),
        new("subscribe", "Post results in this channel, optionally filtered", [new("filters", "e.g. region London; party Green; councils Hull, Leeds; changes; digest 5m", false)], ChangesSettings: true),
        new("subscriptions", "This channel's subscription and its filters", []),
        new("unsubscribe", "Stop posting results in this channel", [], ChangesSettings: true),
        new("help", "What the bot can answer", []),
    ];
}
