using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResultsBot.Discord.Rest;

/// <summary>Discord's answer, read in full: status and body (a JSON object or array, or empty for 204).</summary>
public sealed record DiscordResponse(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The body as JSON, or null when it is empty or not JSON (a proxy's HTML error page).</summary>
    public JsonNode? Json()
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Discord's JSON error code (10003 Unknown Channel, 50035 Invalid Form Body...), when there is one.</summary>
    public int? ErrorCode => Json() is JsonObject o && o["code"] is JsonValue v && v.TryGetValue<int>(out var code) ? code : null;

    /// <summary>Discord's error message, with the first field error when the form was invalid.</summary>
    public string ErrorText
    {
        get
        {
            if (Json() is not JsonObject o)
            {
                return $"{(int)Status} {Status}";
            }

            var message = (o["message"] as JsonValue)?.ToString() ?? Status.ToString();
            return o["errors"] is JsonObject errors && FirstFieldError(errors, "") is { } detail ? $"{message}: {detail}" : message;
        }
    }

    private static string? FirstFieldError(JsonObject node, string path)
    {
        if (node["_errors"] is JsonArray { Count: > 0 } list)
        {
            var first = list[0];
            return $"{(path.Length == 0 ? "body" : path)}: {first?["message"]} ({first?["code"]})";
        }

        foreach (var (name, child) in node)
        {
            if (child is JsonObject inner && FirstFieldError(inner, path.Length == 0 ? name : path + "." + name) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
