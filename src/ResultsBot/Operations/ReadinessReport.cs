using System.Text.Json.Serialization;

namespace ResultsBot.Operations;

public sealed record ReadinessReport(string Status, Dictionary<string, string> Checks);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReadinessReport))]
internal sealed partial class OperationsJson : JsonSerializerContext;
