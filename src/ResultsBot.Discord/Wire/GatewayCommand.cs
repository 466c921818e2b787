using System.Text.Json.Serialization;

namespace ResultsBot.Discord.Wire;

/// <summary>A Gateway message the bot sends: opcode and data (a heartbeat's data is the sequence, or null before any).</summary>
public sealed record GatewayCommand<T>(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T D);
