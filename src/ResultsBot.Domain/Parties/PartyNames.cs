namespace ResultsBot.Domain.Parties;

/// <summary>The names people use for the feed's party codes.</summary>
public static class PartyNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["C"] = "Conservatives",
        ["Con"] = "Conservatives",
        ["Lab"] = "Labour",
        ["LD"] = "Liberal Democrats",
        ["Green"] = "Greens",
        ["Grn"] = "Greens",
        ["Reform"] = "Reform UK",
        ["Ref"] = "Reform UK",
        ["Ind"] = "Independents",
        ["R"] = "Residents",
        ["SNP"] = "SNP",
        ["PC"] = "Plaid Cymru",
        ["Your"] = "Your Party",
        ["UKIP"] = "UKIP",
        ["Oth"] = "Others",
        ["NOC"] = "no overall control",
    };

    // "a Conservative majority", not "a Conservatives majority".
    private static readonly Dictionary<string, string> Adjectives = new(StringComparer.OrdinalIgnoreCase)
    {
        ["C"] = "Conservative",
        ["Con"] = "Conservative",
        ["LD"] = "Liberal Democrat",
        ["Green"] = "Green",
        ["Grn"] = "Green",
        ["Ind"] = "Independent",
        ["R"] = "Residents'",
    };

    // Where space is tight (tables, corrections): the forms results desks print.
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["C"] = "Con", ["Lab"] = "Lab", ["LD"] = "LD", ["Green"] = "Green", ["Reform"] = "Reform", ["Ind"] = "Ind",
        ["R"] = "Res", ["SNP"] = "SNP", ["PC"] = "Plaid", ["Your"] = "Your Party", ["UKIP"] = "UKIP", ["Oth"] = "Oth",
        ["NOC"] = "NOC",
    };

    private static readonly Dictionary<string, string> Spellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["C"] = "C", ["Con"] = "C", ["Lab"] = "Lab", ["LD"] = "LD", ["Green"] = "Green", ["Grn"] = "Green",
        ["Reform"] = "Reform", ["Ref"] = "Reform", ["Ind"] = "Ind", ["R"] = "R", ["SNP"] = "SNP", ["PC"] = "PC",
        ["Your"] = "Your", ["UKIP"] = "UKIP", ["Oth"] = "Oth", ["NOC"] = "NOC",

        // One-word names people type for the parties.
        ["Labour"] = "Lab", ["Conservative"] = "C", ["Conservatives"] = "C", ["Tory"] = "C", ["Tories"] = "C",
        ["LibDem"] = "LD", ["LibDems"] = "LD", ["Greens"] = "Green", ["Plaid"] = "PC", ["Independent"] = "Ind",
        ["Independents"] = "Ind", ["Residents"] = "R", ["Others"] = "Oth",
    };

    /// <summary>The parties people look for on a results board, always shown even at nothing: Labour, Conservatives, Lib Dems, Greens, Reform UK, independents.</summary>
    public static IReadOnlyList<PartyCode> Headline { get; } = [new("Lab"), new("C"), new("LD"), new("Green"), new("Reform"), new("Ind")];

    /// <summary>The one spelling the bot uses for a known code; unknown codes are kept as the feed wrote them.</summary>
    public static string Canonical(string code) => Spellings.GetValueOrDefault(code, code);

    public static bool IsKnown(PartyCode party) => Names.ContainsKey(party.Value) && !party.IsNoOverallControl;

    public static string NameOf(PartyCode party) =>
        Names.TryGetValue(party.Value, out var name) ? name : party.Value;

    /// <summary>"Con", "Lab", "LD", "Green", "Reform", "SNP", "Plaid": for tables and other tight places.</summary>
    public static string ShortOf(PartyCode party) =>
        ShortNames.TryGetValue(party.Value, out var name) ? name : party.Value;

    public static string AdjectiveOf(PartyCode party) =>
        Adjectives.TryGetValue(party.Value, out var adjective) ? adjective : NameOf(party);
}
