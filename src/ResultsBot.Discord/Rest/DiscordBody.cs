using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ResultsBot.Discord.Rest;

/// <summary>
/// A request body as the JSON text that goes on the wire, written once by the generated serialiser
/// (<see cref="Wire.DiscordJsonContext"/>), so a request sent again after a 429 sends the same bytes.
/// </summary>
public sealed class DiscordBody
{
    private DiscordBody(string json) => Json = json;

    public string Json { get; }

    public static DiscordBody Of<T>(T value, JsonTypeInfo<T> type) => new(JsonSerializer.Serialize(value, type));

    /// <summary>A message body (create, edit, follow-up).</summary>
    public static DiscordBody Of(Wire.DiscordMessage message) => Of(message, Wire.DiscordJsonContext.Default.DiscordMessage);

    public override string ToString() => Json;
}
