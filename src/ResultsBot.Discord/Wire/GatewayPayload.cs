using System.Text.Json;

namespace ResultsBot.Discord.Wire;

/// <summary>
/// A Gateway message as received: opcode, sequence, event name, and its data. What d holds depends on op and t
/// (a HELLO, a READY, a bare boolean for op 9, an interaction...), so it stays a JsonElement until the opcode
/// says which record to read it as.
/// </summary>
public sealed record GatewayPayload
{
    public int? Op { get; init; }

    public JsonElement? D { get; init; }

    public long? S { get; init; }

    public string? T { get; init; }
}
