using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Rest;

/// <summary>Discord's answer, read in full: status and body (a JSON object or array, or empty for 204).</summary>
public sealed record DiscordResponse(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The body read as <typeparamref name="T"/>, or default when it is empty, not JSON (a proxy's HTML error page) or not that shape.</summary>
    public T? Read<T>(JsonTypeInfo<T> type)
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(Body, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>Discord's error body, when there is one.</summary>
    public DiscordError? Error => Body.TrimStart().StartsWith('{') ? Read(DiscordJsonContext.Default.DiscordError) : null;

    /// <summary>Discord's JSON error code (10003 Unknown Channel, 50035 Invalid Form Body...), when there is one.</summary>
    public int? ErrorCode => Error?.Code;

    /// <summary>Discord's error message, with the first field error when the form was invalid.</summary>
    public string ErrorText
    {
        get
        {
            if (Error is not { } error)
            {
                return $"{(int)Status} {Status}";
            }

            var message = error.Message ?? Status.ToString();
            return error.Errors is { ValueKind: JsonValueKind.Object } errors && FirstFieldError(errors, "") is { } detail ? $"{message}: {detail}" : message;
        }
    }

    /// <summary>The first refusal in Discord's error tree, with the path of field names that leads to it ("embeds.0.title").</summary>
    private static string? FirstFieldError(JsonElement node, string path)
    {
        if (node.TryGetProperty("_errors", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0)
        {
            var first = list[0];
            return $"{(path.Length == 0 ? "body" : path)}: {Field(first, "message")} ({Field(first, "code")})";
        }

        foreach (var child in node.EnumerateObject())
        {
            if (child.Value.ValueKind == JsonValueKind.Object && FirstFieldError(child.Value, path.Length == 0 ? child.Name : path + "." + child.Name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Field(JsonElement error, string name) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText()
            : "";
}
