using System.Text.Json.Serialization;

namespace ResultsBot.Discord.Wire;

/// <summary>A status to show (op 3, or in IDENTIFY). Since is always sent, null when not idle, as Discord requires.</summary>
public sealed record GatewayPresence(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Since,
    IReadOnlyList<GatewayActivity> Activities,
    string Status,
    bool Afk);
