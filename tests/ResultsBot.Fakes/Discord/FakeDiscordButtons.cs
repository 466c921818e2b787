using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Discord;

/// <summary>Reads the buttons out of a message's components, for tests and for making button presses.</summary>
public static class FakeDiscordButtons
{
    public static IReadOnlyList<(string Label, string? CustomId, bool Disabled)> Of(JsonNode? components) =>
        components is not JsonArray rows
            ? []
            : [.. rows.OfType<JsonObject>()
                .SelectMany(row => row["components"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(c => (int?)c["type"] == 2)
                .Select(c => ((string?)c["label"] ?? "", (string?)c["custom_id"], (bool?)c["disabled"] == true))];
}
