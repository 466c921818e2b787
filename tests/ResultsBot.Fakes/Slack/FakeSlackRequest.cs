using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// A Web API call's arguments, whichever way they came: query string, form (where blocks and
/// metadata are JSON strings) or a JSON body. Slack accepts all three for the methods we fake.
/// </summary>
internal sealed class FakeSlackRequest
{
    private readonly Dictionary<string, JsonNode?> _arguments = new(StringComparer.Ordinal);

    private FakeSlackRequest()
    {
    }

    /// <summary>Slack's complaint about the body itself (invalid_json, json_not_object, invalid_form_data), if any.</summary>
    public string? BodyError { get; private set; }

    public List<string> Warnings { get; } = [];

    public string? FormToken { get; private set; }

    /// <summary>The most messages a read may return for this caller (a distributed app's 15), if less than the method's own.</summary>
    public int? LimitCap { get; set; }

    public static async Task<FakeSlackRequest> ReadAsync(HttpRequest http)
    {
        var request = new FakeSlackRequest();
        foreach (var (key, value) in http.Query)
        {
            request._arguments[key] = JsonValue.Create(value.ToString());
        }

        var type = http.ContentType ?? "";
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            if (!type.Contains("charset", StringComparison.OrdinalIgnoreCase))
            {
                request.Warnings.Add("missing_charset");
            }

            try
            {
                var node = await JsonNode.ParseAsync(http.Body);
                if (node is JsonObject body)
                {
                    foreach (var (key, value) in body.ToList())
                    {
                        request._arguments[key] = value?.DeepClone();
                    }
                }
                else
                {
                    request.BodyError = "json_not_object";
                }
            }
            catch (JsonException)
            {
                request.BodyError = "invalid_json";
            }
        }
        else if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                request._arguments[key] = JsonValue.Create(value.ToString());
            }

            request.FormToken = request.String("token");
        }
        else if (http.ContentLength > 0)
        {
            request.BodyError = "invalid_form_data";
        }

        return request;
    }

    public bool Has(string name) => _arguments.TryGetValue(name, out var value) && value is not null && !(value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0);

    public string? String(string name) => _arguments.TryGetValue(name, out var value) && value is JsonValue v
        ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
        : null;

    public bool? Bool(string name) => _arguments.TryGetValue(name, out var value) && value is JsonValue v
        ? v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) ? s is "true" or "1" : null
        : null;

    public int? Int(string name) => _arguments.TryGetValue(name, out var value) && value is JsonValue v
        ? v.TryGetValue<int>(out var i) ? i : v.TryGetValue<string>(out var s) && int.TryParse(s, out var parsed) ? parsed : null
        : null;

    /// <summary>A JSON argument (blocks, metadata): given as JSON, or as a JSON string in a form. Throws JsonException when the string is not JSON.</summary>
    public JsonNode? Json(string name)
    {
        if (!_arguments.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        return value is JsonValue v && v.TryGetValue<string>(out var text)
            ? text.Length == 0 ? null : JsonNode.Parse(text)
            : value;
    }
}
