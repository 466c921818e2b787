using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ResultsBot.Slack.Wire;

/// <summary>
/// Reads a JSON object as <typeparamref name="T"/> and anything else as null, for a field other apps fill as they
/// like (another app's event_payload in a channel's history): one odd message must not make the whole answer unreadable.
/// </summary>
internal abstract class ObjectOrNothingConverter<T>(Func<JsonTypeInfo<T>> typeInfo) : JsonConverter<T?>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return JsonSerializer.Deserialize(ref reader, typeInfo());
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value, typeInfo());
        }
    }
}

/// <summary>Our event_payload where history shows it, or null when another app put something else there.</summary>
internal sealed class PostMetadataPayloadConverter() : ObjectOrNothingConverter<PostMetadataPayload>(() => SlackJsonContext.Default.PostMetadataPayload);
