using System.Text.Json.Serialization;

namespace ResultsBot.Discord.Wire;

/// <summary>RESUME's data: the session and the last sequence seen (sent even when null, as before).</summary>
public sealed record GatewayResume(string Token, string? SessionId, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Seq);
