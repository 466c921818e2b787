using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ResultsBot.Fakes.Discord;

/// <summary>
/// Validates JSON against the part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that Discord's message
/// schemas use: type, properties, required, additionalProperties, min/maxLength, pattern, min/maxItems,
/// uniqueItems, minimum/maximum, enum, const, anyOf/oneOf/allOf and local $ref. "format" is ignored.
/// Lengths count code points, as JSON Schema defines them.
/// </summary>
internal sealed class JsonSchemaSubset(JsonObject document)
{
    private static readonly Dictionary<string, Regex> Patterns = [];

    public IReadOnlyList<SchemaError> Validate(JsonNode? value, string schemaName)
    {
        var errors = new List<SchemaError>();
        Check(value, Resolve("#/components/schemas/" + schemaName), [], errors);
        return errors;
    }

    private JsonObject Resolve(string reference)
    {
        JsonNode? node = document;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node as JsonObject ?? throw new InvalidOperationException("schema reference not found: " + reference);
    }

    private void Check(JsonNode? value, JsonObject schema, List<string> path, List<SchemaError> errors)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            Check(value, Resolve(reference.GetValue<string>()), path, errors);
        }

        if (schema["type"] is { } type && !TypeMatches(value, type))
        {
            errors.Add(new SchemaError([.. path], "BASE_TYPE_INVALID", $"Expected {type.ToJsonString()}, got {KindOf(value)}."));
            return;
        }

        CheckCombinators(value, schema, path, errors);
        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add(new SchemaError([.. path], "BASE_TYPE_CHOICES", $"Value must be one of {options.ToJsonString()}."));
        }

        if (schema.TryGetPropertyValue("const", out var constant) && !JsonNode.DeepEquals(constant, value))
        {
            errors.Add(new SchemaError([.. path], "BASE_TYPE_CHOICES", $"Value must be {constant?.ToJsonString() ?? "null"}."));
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, errors);
                break;
            case JsonArray array:
                CheckArray(array, schema, path, errors);
                break;
            case JsonValue scalar when scalar.TryGetValue<string>(out var text):
                CheckString(text, schema, path, errors);
                break;
            case JsonValue scalar when scalar.TryGetValue<decimal>(out var number):
                CheckNumber(number, schema, path, errors);
                break;
        }
    }

    private void CheckCombinators(JsonNode? value, JsonObject schema, List<string> path, List<SchemaError> errors)
    {
        if (schema["allOf"] is JsonArray all)
        {
            foreach (var part in all.OfType<JsonObject>())
            {
                Check(value, part, path, errors);
            }
        }

        foreach (var (keyword, exactlyOne) in new[] { ("anyOf", false), ("oneOf", true) })
        {
            if (schema[keyword] is not JsonArray branches)
            {
                continue;
            }

            var outcomes = branches.OfType<JsonObject>().Select(b =>
            {
                var branchErrors = new List<SchemaError>();
                Check(value, b, path, branchErrors);
                return branchErrors;
            }).ToList();
            var passing = outcomes.Count(o => o.Count == 0);
            if (passing == 0)
            {
                // Report the branch that got furthest: one whose errors are not just "wrong type here".
                var best = outcomes.FirstOrDefault(o => o.Any(e => e.Path.Count > path.Count || e.Code != "BASE_TYPE_INVALID")) ?? outcomes.FirstOrDefault();
                errors.AddRange(best is { Count: > 0 } ? best : [new SchemaError([.. path], "BASE_TYPE_INVALID", "Value matches none of the allowed forms.")]);
            }
            else if (exactlyOne && passing > 1)
            {
                errors.Add(new SchemaError([.. path], "BASE_TYPE_INVALID", "Value matches more than one of the allowed forms."));
            }
        }
    }

    private void CheckObject(JsonObject obj, JsonObject schema, List<string> path, List<SchemaError> errors)
    {
        var properties = schema["properties"] as JsonObject;
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => !obj.ContainsKey(n)))
            {
                errors.Add(new SchemaError([.. path, name], "BASE_TYPE_REQUIRED", "This field is required"));
            }
        }

        foreach (var (name, child) in obj)
        {
            path.Add(name);
            if (properties?[name] is JsonObject childSchema)
            {
                Check(child, childSchema, path, errors);
            }
            else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
            {
                errors.Add(new SchemaError([.. path], "UNKNOWN_FIELD", "This field is not allowed here."));
            }
            else if (schema["additionalProperties"] is JsonObject extraSchema)
            {
                Check(child, extraSchema, path, errors);
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private void CheckArray(JsonArray array, JsonObject schema, List<string> path, List<SchemaError> errors)
    {
        if (schema["maxItems"] is JsonValue max && array.Count > max.GetValue<int>())
        {
            errors.Add(new SchemaError([.. path], "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length."));
        }

        if (schema["minItems"] is JsonValue min && array.Count < min.GetValue<int>())
        {
            errors.Add(new SchemaError([.. path], "BASE_TYPE_MIN_LENGTH", $"Must be {min} or more in length."));
        }

        if (schema["uniqueItems"] is JsonValue unique && unique.GetValue<bool>()
            && array.Select((a, i) => array.Skip(i + 1).Any(b => JsonNode.DeepEquals(a, b))).Any(d => d))
        {
            errors.Add(new SchemaError([.. path], "BASE_TYPE_DUPLICATES", "Items must be unique."));
        }

        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                path.Add(i.ToString(CultureInfo.InvariantCulture));
                Check(array[i], itemSchema, path, errors);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static void CheckString(string text, JsonObject schema, List<string> path, List<SchemaError> errors)
    {
        var length = CodePoints(text);
        if (schema["maxLength"] is JsonValue max && length > max.GetValue<long>())
        {
            errors.Add(new SchemaError([.. path], "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length."));
        }

        if (schema["minLength"] is JsonValue min && length < min.GetValue<long>())
        {
            errors.Add(new SchemaError([.. path], "BASE_TYPE_MIN_LENGTH", $"Must be {min} or more in length."));
        }

        if (schema["pattern"] is JsonValue pattern && !PatternFor(pattern.GetValue<string>()).IsMatch(text))
        {
            errors.Add(new SchemaError([.. path], "STRING_TYPE_REGEX", $"String value did not match validation regex {pattern}."));
        }
    }

    private static void CheckNumber(decimal number, JsonObject schema, List<string> path, List<SchemaError> errors)
    {
        if (schema["maximum"] is JsonValue max && number > max.GetValue<decimal>())
        {
            errors.Add(new SchemaError([.. path], "NUMBER_TYPE_MAX", $"Int value should be less than or equal to {max}."));
        }

        if (schema["minimum"] is JsonValue min && number < min.GetValue<decimal>())
        {
            errors.Add(new SchemaError([.. path], "NUMBER_TYPE_MIN", $"Int value should be greater than or equal to {min}."));
        }
    }

    private static Regex PatternFor(string pattern)
    {
        lock (Patterns)
        {
            if (!Patterns.TryGetValue(pattern, out var regex))
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                Patterns[pattern] = regex;
            }

            return regex;
        }
    }

    public static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            count++;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        return count;
    }

    private static bool TypeMatches(JsonNode? value, JsonNode type) => type switch
    {
        JsonArray types => types.Any(t => t is not null && TypeMatches(value, t)),
        JsonValue single => single.GetValue<string>() switch
        {
            "null" => value is null,
            "object" => value is JsonObject,
            "array" => value is JsonArray,
            "string" => value is JsonValue v && v.TryGetValue<string>(out _),
            "boolean" => value is JsonValue v && v.TryGetValue<bool>(out _),
            "integer" => value is JsonValue v && !v.TryGetValue<string>(out _) && v.TryGetValue<decimal>(out var d) && d == decimal.Truncate(d),
            "number" => value is JsonValue v && !v.TryGetValue<string>(out _) && v.TryGetValue<decimal>(out _),
            var other => throw new InvalidOperationException("unknown schema type " + other),
        },
        _ => false,
    };

    private static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "unknown",
    };
}
