namespace ResultsBot.Domain.Councils;

/// <summary>
/// The nine English regions and the councils in them that hold elections on the nights the bot knows
/// (2024 and 2026), for channels that follow one region. Written from the ONS region of each council.
/// </summary>
public static class Regions
{
    public const string England = "England";

    private static readonly Dictionary<string, string[]> Members = new(StringComparer.Ordinal)
    {
        ["North East"] = ["Gateshead", "Hartlepool", "Newcastle upon Tyne", "North Tyneside", "South Tyneside", "Sunderland", "Durham", "Northumberland", "Middlesbrough", "Darlington", "Stockton-on-Tees", "Redcar and Cleveland"],
        ["North West"] = ["Blackburn with Darwen", "Blackpool", "Bolton", "Burnley", "Bury", "Chorley", "Halton", "Hyndburn", "Knowsley", "Liverpool", "Manchester", "Oldham", "Pendle", "Preston", "Rochdale", "Rossendale", "Salford", "Sefton", "St Helens", "Stockport", "Tameside", "Trafford", "Warrington", "West Lancashire", "Wigan", "Wirral", "Lancashire", "Cumbria"],
        ["Yorkshire and the Humber"] = ["Barnsley", "Bradford", "Calderdale", "Doncaster", "Kingston upon Hull", "Kirklees", "Leeds", "North East Lincolnshire", "North Lincolnshire", "Rotherham", "Sheffield", "Wakefield", "York", "North Yorkshire", "East Riding of Yorkshire"],
        ["East Midlands"] = ["Lincoln", "Derby", "Leicester", "Nottingham", "Derbyshire", "Leicestershire", "Lincolnshire", "Nottinghamshire", "Northamptonshire", "Amber Valley", "Bassetlaw", "North East Derbyshire"],
        ["West Midlands"] = ["Birmingham", "Cannock Chase", "Coventry", "Dudley", "Newcastle-under-Lyme", "Nuneaton and Bedworth", "Redditch", "Rugby", "Sandwell", "Solihull", "Tamworth", "Walsall", "Wolverhampton", "Worcester", "Stoke-on-Trent", "Staffordshire", "Warwickshire", "Worcestershire", "Shropshire", "Herefordshire"],
        ["East of England"] = ["Basildon", "Brentwood", "Broxbourne", "Cambridge", "Castle Point", "Colchester", "Epping Forest", "Harlow", "Ipswich", "North Hertfordshire", "Norwich", "Peterborough", "Rochford", "Southend-on-Sea", "St Albans", "Stevenage", "Three Rivers", "Thurrock", "Watford", "Welwyn Hatfield", "Essex", "Norfolk", "Suffolk", "Huntingdonshire", "South Cambridgeshire", "Cambridgeshire", "Hertfordshire", "Luton", "Bedford", "Central Bedfordshire"],
        ["London"] = ["Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon", "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster"],
        ["South East"] = ["Adur", "Basingstoke and Deane", "Cherwell", "Crawley", "Eastleigh", "Elmbridge", "Fareham", "Gosport", "Hart", "Hastings", "Havant", "Maidstone", "Milton Keynes", "Mole Valley", "Oxford", "Portsmouth", "Reading", "Reigate and Banstead", "Runnymede", "Rushmoor", "Southampton", "Tandridge", "Tunbridge Wells", "West Oxfordshire", "Winchester", "Woking", "Wokingham", "Worthing", "East Surrey", "West Surrey", "Surrey", "East Sussex", "West Sussex", "Hampshire", "Isle of Wight", "Kent", "Oxfordshire", "Buckinghamshire", "Brighton and Hove", "Slough"],
        ["South West"] = ["Cheltenham", "Dorset", "Exeter", "Gloucester", "Plymouth", "Stroud", "Swindon", "Bristol", "Cornwall", "Devon", "Gloucestershire", "Somerset", "Wiltshire", "Torbay", "Bath and North East Somerset"],
    };

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

    private static readonly Dictionary<string, string> RegionByCouncil = Members
        .SelectMany(m => m.Value.Select(council => (Key: CouncilKey.For(council), Region: m.Key)))
        .ToDictionary(x => x.Key, x => x.Region, StringComparer.Ordinal);

    /// <summary>The nine regions, north to south.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Members.Keys];

    /// <summary>The nations a channel can follow.</summary>
    public static IReadOnlyList<string> Nations { get; } = [England, "Scotland", "Wales", "Northern Ireland"];

    /// <summary>Every council the table names, by key, with its name: councils a channel can follow before they declare.</summary>
    public static IReadOnlyDictionary<string, string> KnownCouncils { get; } = Members.Values.SelectMany(v => v)
        .ToDictionary(CouncilKey.For, name => name, StringComparer.Ordinal);

    /// <summary>Names feeds use for the same council: PA's 2026 feed says "Hull" for Kingston upon Hull.</summary>
    private static readonly Dictionary<string, string> SameCouncil = new(StringComparer.Ordinal)
    {
        ["hull"] = "kingston on hull",
    };

    /// <summary>The key a council is known by here, whichever of its names a feed used.</summary>
    public static string Canonical(string councilKey) => SameCouncil.GetValueOrDefault(councilKey, councilKey);

    /// <summary>The region of a council by its key, or null when the table does not have it.</summary>
    public static string? RegionOf(string councilKey) => RegionByCouncil.GetValueOrDefault(Canonical(councilKey));

    /// <summary>The nation of a council by its key: from the region table, else from the first letter of its GSS code.</summary>
    public static string? NationOf(string councilKey, string? gssCode)
    {
        if (RegionOf(councilKey) is not null)
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
