namespace ResultsBot.Domain.Councils;

/// <summary>
/// The nine English regions and the four nations, and which of them a council is in, for channels that
/// follow one region or nation. Councils are placed by the register (<see cref="CouncilTable"/>).
/// </summary>
public static class Regions
{
    public const string England = "England";

    /// <summary>The nine regions, north to south.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West",
    ];

    /// <summary>The nations a channel can follow.</summary>
    public static IReadOnlyList<string> Nations { get; } = [England, "Scotland", "Wales", "Northern Ireland"];

    /// <summary>What people call the regions, keyed as CouncilKey spells them.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["yorkshire"] = "Yorkshire and the Humber",
        ["yorkshire humber"] = "Yorkshire and the Humber",
        ["east"] = "East of England",
        ["eastern"] = "East of England",
        ["east anglia"] = "East of England",
        ["north east england"] = "North East",
        ["north west england"] = "North West",
        ["south east england"] = "South East",
        ["south west england"] = "South West",
        ["greater london"] = "London",
    };

    /// <summary>
    /// Councils announced after the register was made (Surrey's two unitaries, first elected in 2026, as PA names them):
    /// their region by key.
    /// </summary>
    private static readonly Dictionary<string, string> Announced = new(StringComparer.Ordinal)
    {
        ["east surrey"] = "South East",
        ["west surrey"] = "South East",
    };

    /// <summary>Every current council, by key, with its name: councils a channel can follow before they declare.</summary>
    public static IReadOnlyDictionary<string, string> KnownCouncils { get; } = CouncilTable.Current
        .Where(c => !c.IsCombinedAuthority)
        .Select(c => (Key: c.Key, Name: c.Name))
        .Concat([(Key: "east surrey", Name: "East Surrey"), (Key: "west surrey", Name: "West Surrey")])
        .DistinctBy(c => c.Key)
        .ToDictionary(c => c.Key, c => c.Name, StringComparer.Ordinal);

    /// <summary>The key a council is known by here, whichever of its names a feed used ("hull" is Kingston upon Hull).</summary>
    public static string Canonical(string councilKey) => CouncilTable.Find(councilKey)?.Key ?? councilKey;

    /// <summary>The English region of a council by its key, or null outside England or when the register cannot place it.</summary>
    public static string? RegionOf(string councilKey) =>
        CouncilTable.Find(councilKey)?.Region ?? Announced.GetValueOrDefault(councilKey);

    /// <summary>The nation of a council by its key: from the register, else from the first letter of its GSS code.</summary>
    public static string? NationOf(string councilKey, string? gssCode = null)
    {
        if (CouncilTable.Find(councilKey) is { } council)
        {
            return council.Nation;
        }

        if (Announced.ContainsKey(councilKey))
        {
            return England;
        }

        return gssCode?.FirstOrDefault() switch
        {
            'E' => England,
            'S' => "Scotland",
            'W' => "Wales",
            'N' => "Northern Ireland",
            _ => null,
        };
    }

    /// <summary>The region or nation a user meant ("yorkshire", "London", "wales"), or null.</summary>
    public static string? Find(string text)
    {
        var key = CouncilKey.For(text);
        var region = All.FirstOrDefault(r => CouncilKey.For(r) == key) ?? Nations.FirstOrDefault(n => CouncilKey.For(n) == key);
        return region ?? Aliases.GetValueOrDefault(key);
    }
}
