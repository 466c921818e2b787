namespace ResultsBot.Domain.Parties;

/// <summary>The colours results services use for each party.</summary>
public static class PartyColours
{
    public const string NoOverallControl = "#808080";
    public const string Unknown = "#AAAAAA";

    private static readonly Dictionary<string, string> Colours = new(StringComparer.Ordinal)
    {
        ["Lab"] = "#E4003B",
        ["C"] = "#0087DC",
        ["LD"] = "#FAA61A",
        ["Green"] = "#6AB023",
        ["Reform"] = "#12B6CF",
        ["SNP"] = "#FFF95D",
        ["PC"] = "#005B54",
        ["Ind"] = "#AAAAAA",
        ["NOC"] = NoOverallControl,
    };

    public static string Of(PartyCode party) => Colours.GetValueOrDefault(party.Value, Unknown);
}
