using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResultsBot.Slack.Wire;

/// <summary>
/// Reads a string as itself and any other JSON value as its raw text (a number, an object another app put there), so
/// one odd message in a channel's history cannot make the whole answer unreadable. Writes strings.
/// </summary>
internal sealed class AnyValueAsTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            default:
                using (var value = JsonDocument.ParseValue(ref reader))
                {
                    return value.RootElement.GetRawText();
                }
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
