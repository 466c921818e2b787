using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Discord;

/// <summary>
/// Checks message bodies as Discord does: the OpenAPI file's MessageCreateRequest / MessageEditRequestPartial
/// schemas (from ../shared/platform-specs) plus the documented limits that file lacks — content 2000
/// characters, all embeds together 6000, and no empty message or empty embed field.
/// </summary>
public static class DiscordMessageSchema
{
    public const int MaxContent = 2000;
    public const int MaxEmbedTotal = 6000;

    private static readonly Lazy<JsonSchemaSubset> Schemas = new(() => new JsonSchemaSubset(
        JsonNode.Parse(File.ReadAllText(FindOpenApiFile()))!.AsObject()));

    /// <summary>Problems with a body for POST /channels/{id}/messages; empty when Discord would accept it.</summary>
    public static IReadOnlyList<SchemaError> ValidateCreate(JsonNode? body) => Validate(body, "MessageCreateRequest");

    /// <summary>Problems with a body for PATCH /channels/{id}/messages/{id}.</summary>
    public static IReadOnlyList<SchemaError> ValidateEdit(JsonNode? body) => Validate(body, "MessageEditRequestPartial");

    /// <summary>
    /// Problems with a body for POST /channels/{forum}/threads (Start Thread in Forum or Media Channel): the
    /// CreateForumThreadRequest schema, and its message checked as any new message is (content 2000, embeds 6000).
    /// </summary>
    public static IReadOnlyList<SchemaError> ValidateForumThread(JsonNode? body)
    {
        body = body is null ? null : JsonNode.Parse(body.ToJsonString());
        if (body is not JsonObject thread)
        {
            return [new SchemaError([], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")];
        }

        var errors = new List<SchemaError>(Schemas.Value.Validate(body, "CreateForumThreadRequest"));
        if (thread["message"] is JsonObject message)
        {
            errors.AddRange(Validate(message, "BaseCreateMessageCreateRequest").Select(e => e with { Path = ["message", .. e.Path] }));
        }

        return errors;
    }

    /// <summary>The OpenAPI file, looked for in shared/platform-specs beside any folder above the tests.</summary>
    public static string FindOpenApiFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "platform-specs", "discord-openapi.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/platform-specs/discord-openapi.json not found above " + AppContext.BaseDirectory);
    }

    private static List<SchemaError> Validate(JsonNode? body, string schemaName)
    {
        // Read it as it would arrive on the wire, so values built in memory are judged as JSON, not as CLR types.
        body = body is null ? null : JsonNode.Parse(body.ToJsonString());
        if (body is not JsonObject message)
        {
            return [new SchemaError([], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")];
        }

        var errors = new List<SchemaError>(Schemas.Value.Validate(body, schemaName));
        if (message["content"] is JsonValue content && content.TryGetValue<string>(out var text) && JsonSchemaSubset.CodePoints(text) > MaxContent)
        {
            errors.Add(new SchemaError(["content"], "BASE_TYPE_MAX_LENGTH", $"Must be {MaxContent} or fewer in length."));
        }

        if (message["embeds"] is JsonArray embeds)
        {
            CheckEmbeds(embeds, errors);
        }

        return errors;
    }

    private static void CheckEmbeds(JsonArray embeds, List<SchemaError> errors)
    {
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject embed)
            {
                continue;
            }

            total += Length(embed["title"]) + Length(embed["description"]) + Length(embed["footer"]?["text"]) + Length(embed["author"]?["name"]);
            if (embed["fields"] is JsonArray fields)
            {
                for (var f = 0; f < fields.Count; f++)
                {
                    total += Length(fields[f]?["name"]) + Length(fields[f]?["value"]);
                    foreach (var part in new[] { "name", "value" })
                    {
                        if (fields[f]?[part] is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s))
                        {
                            errors.Add(new SchemaError(["embeds", I(i), "fields", I(f), part], "BASE_TYPE_REQUIRED", "This field is required"));
                        }
                    }
                }
            }
        }

        if (total > MaxEmbedTotal)
        {
            errors.Add(new SchemaError(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", $"Embed size exceeds maximum size of {MaxEmbedTotal}"));
        }
    }

    private static string I(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Discord trims leading and trailing whitespace before measuring.
    private static int Length(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? JsonSchemaSubset.CodePoints(s.Trim()) : 0;

    /// <summary>Discord's error body for a bad form: {code: 50035, message: "Invalid Form Body", errors: {...}}.</summary>
    public static JsonObject ErrorBody(IReadOnlyList<SchemaError> errors)
    {
        var tree = new JsonObject();
        foreach (var error in errors)
        {
            var node = tree;
            foreach (var part in error.Path)
            {
                if (node[part] is not JsonObject next)
                {
                    next = [];
                    node[part] = next;
                }

                node = next;
            }

            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }

            list.Add(new JsonObject { ["code"] = error.Code, ["message"] = error.Message });
        }

        return new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body", ["errors"] = tree };
    }
}
