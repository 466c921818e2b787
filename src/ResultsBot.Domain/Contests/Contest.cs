using ResultsBot.Domain.Councils;

namespace ResultsBot.Domain.Contests;

/// <summary>One candidate election: a mayoralty, a police area, a parliament's constituency or region.</summary>
/// <param name="ElectionName">PA's name for the election ("Mayoral Elections Test").</param>
/// <param name="ElectionType">PA's one-letter election type ("M", "S", "W").</param>
public sealed record Contest(ContestKind Kind, string Name, string ElectionName, string ElectionType, int? Electorate = null)
{
    /// <summary>Unique within a night: the same name may be a mayoralty and a council, or a seat in two parliaments.</summary>
    public string Key => Kind switch
    {
        ContestKind.Mayor => "mayor/" + CouncilKey.For(Name),
        ContestKind.PoliceCommissioner => "pcc/" + CouncilKey.For(Name),
        ContestKind.Constituency => $"seat/{ElectionType.ToLowerInvariant()}/{CouncilKey.For(Name)}",
        _ => $"region/{ElectionType.ToLowerInvariant()}/{CouncilKey.For(Name)}",
    };

    /// <summary>The election type posts are filtered by: "mayor", "pcc" or "parliament".</summary>
    public string TopicType => Kind switch
    {
        ContestKind.Mayor => "mayor",
        ContestKind.PoliceCommissioner => "pcc",
        _ => "parliament",
    };

    /// <summary>The parliament a constituency or region belongs to, by PA's type; its own name otherwise.</summary>
    public string Parliament => ElectionType.ToUpperInvariant() switch
    {
        "S" => "Scottish Parliament",
        "W" => "Senedd",
        _ => ElectionName,
    };

    /// <summary>How a headline names it: "Hackney mayoralty", "Kent police and crime commissioner", "Aberdeen Central".</summary>
    public string Title => Kind switch
    {
        ContestKind.Mayor => Name + " mayoralty",
        ContestKind.PoliceCommissioner => Name + " police and crime commissioner",
        _ => Name,
    };

    /// <summary>Where it is, for a post's first line: "Mayor of Hackney", "Scottish Parliament constituency".</summary>
    public string Description => Kind switch
    {
        ContestKind.Mayor => "Mayor of " + Name,
        ContestKind.PoliceCommissioner => "Police and crime commissioner for " + Name,
        ContestKind.Constituency => Parliament + " constituency",
        // The Senedd elects each of its constituencies from closed lists; Holyrood's lists are its regions.
        _ when ElectionType.Equals("W", StringComparison.OrdinalIgnoreCase) => Parliament + " constituency (closed lists)",
        _ => Parliament + " region (list)",
    };
}
