using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// Block Kit's limits as Slack's block reference states them, checked the way Slack reports them:
/// "[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]".
/// </summary>
internal static class FakeSlackBlockRules
{
    public const int MaxBlocks = 50;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int ContextElements = 10;
    public const int ImageAltText = 2000;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ActionId = 255;
    public const int ButtonValue = 2000;

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "section", "header", "context", "divider", "actions", "image", "rich_text", "input", "file", "video", "markdown",
    };

    /// <summary>A Home tab view holds more blocks than a message.</summary>
    public const int MaxHomeBlocks = 100;

    public static List<string> Check(JsonNode? blocks, int maxBlocks = MaxBlocks)
    {
        var errors = new List<string>();
        if (blocks is not JsonArray list)
        {
            errors.Add("[ERROR] must be an array [json-pointer:/blocks]");
            return errors;
        }

        if (list.Count > maxBlocks)
        {
            errors.Add($"[ERROR] no more than {maxBlocks} items allowed [json-pointer:/blocks]");
        }

        for (var i = 0; i < list.Count; i++)
        {
            CheckBlock(list[i], $"/blocks/{i}", errors);
        }

        // An action_id names one element of the message: Slack refuses two alike.
        var actionIds = list.OfType<JsonObject>().Where(b => b["type"]?.ToString() == "actions")
            .SelectMany(b => b["elements"] as JsonArray ?? []).Select(e => e?["action_id"]?.ToString()).OfType<string>().ToList();
        if (actionIds.Count != actionIds.Distinct(StringComparer.Ordinal).Count())
        {
            errors.Add("[ERROR] action_id already exists [json-pointer:/blocks]");
        }

        return errors;
    }

    private static void CheckBlock(JsonNode? node, string at, List<string> errors)
    {
        if (node is not JsonObject block || block["type"]?.GetValue<string>() is not { } type)
        {
            errors.Add($"[ERROR] missing required field: type [json-pointer:{at}]");
            return;
        }

        if (!KnownTypes.Contains(type))
        {
            errors.Add($"[ERROR] unsupported type: {type} [json-pointer:{at}/type]");
            return;
        }

        if (block["block_id"]?.ToString() is { Length: > 255 })
        {
            errors.Add($"[ERROR] must be less than 256 characters [json-pointer:{at}/block_id]");
        }

        switch (type)
        {
            case "header":
                CheckText(block["text"], $"{at}/text", HeaderText, errors, plainOnly: true, required: true);
                break;
            case "section":
                CheckSection(block, at, errors);
                break;
            case "context":
                CheckContext(block, at, errors);
                break;
            case "image":
                CheckImage(block, at, errors);
                break;
            case "actions":
                CheckActions(block, at, errors);
                break;
        }
    }

    private static void CheckSection(JsonObject block, string at, List<string> errors)
    {
        var fields = block["fields"] as JsonArray;
        if (block["text"] is null && fields is null)
        {
            errors.Add($"[ERROR] must provide either text or fields [json-pointer:{at}]");
        }

        if (block["text"] is not null)
        {
            CheckText(block["text"], $"{at}/text", SectionText, errors, plainOnly: false, required: true);
        }

        if (fields is null)
        {
            return;
        }

        if (fields.Count > SectionFields)
        {
            errors.Add($"[ERROR] no more than {SectionFields} items allowed [json-pointer:{at}/fields]");
        }

        if (fields.Count == 0)
        {
            errors.Add($"[ERROR] must provide at least 1 item [json-pointer:{at}/fields]");
        }

        for (var i = 0; i < fields.Count; i++)
        {
            CheckText(fields[i], $"{at}/fields/{i}", FieldText, errors, plainOnly: false, required: true);
        }
    }

    private static void CheckContext(JsonObject block, string at, List<string> errors)
    {
        if (block["elements"] is not JsonArray elements || elements.Count == 0)
        {
            errors.Add($"[ERROR] must provide at least 1 item [json-pointer:{at}/elements]");
            return;
        }

        if (elements.Count > ContextElements)
        {
            errors.Add($"[ERROR] no more than {ContextElements} items allowed [json-pointer:{at}/elements]");
        }

        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i]?["type"]?.ToString() is "image")
            {
                continue;
            }

            CheckText(elements[i], $"{at}/elements/{i}", SectionText, errors, plainOnly: false, required: true);
        }
    }

    /// <summary>An actions block: 1 to 25 elements; a button has plain_text of at most 75, an action_id of at most 255, a value of at most 2000.</summary>
    private static void CheckActions(JsonObject block, string at, List<string> errors)
    {
        if (block["elements"] is not JsonArray elements || elements.Count == 0)
        {
            errors.Add($"[ERROR] must provide at least 1 item [json-pointer:{at}/elements]");
            return;
        }

        if (elements.Count > ActionsElements)
        {
            errors.Add($"[ERROR] no more than {ActionsElements} items allowed [json-pointer:{at}/elements]");
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i] as JsonObject;
            var where = $"{at}/elements/{i}";
            if (element?["type"]?.ToString() != "button")
            {
                // The bot sends only buttons; other elements (menus, pickers) are not modelled here.
                errors.Add($"[ERROR] unsupported type [json-pointer:{where}/type]");
                continue;
            }

            CheckText(element["text"], $"{where}/text", ButtonText, errors, plainOnly: true, required: true);
            if (element["action_id"]?.ToString() is { Length: > ActionId })
            {
                errors.Add($"[ERROR] must be less than {ActionId + 1} characters [json-pointer:{where}/action_id]");
            }

            if (element["value"]?.ToString() is { Length: > ButtonValue })
            {
                errors.Add($"[ERROR] must be less than {ButtonValue + 1} characters [json-pointer:{where}/value]");
            }
        }
    }

    /// <summary>An image block: alt_text (at most 2000), and exactly one of image_url or slack_file (with exactly one of id or url).</summary>
    private static void CheckImage(JsonObject block, string at, List<string> errors)
    {
        var alt = block["alt_text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(alt))
        {
            errors.Add($"[ERROR] missing required field: alt_text [json-pointer:{at}]");
        }
        else if (alt.Length > ImageAltText)
        {
            errors.Add($"[ERROR] must be less than {ImageAltText + 1} characters [json-pointer:{at}/alt_text]");
        }

        var hasUrl = block["image_url"] is not null;
        if (block["slack_file"] is JsonObject file)
        {
            if (hasUrl || (file["id"] is null) == (file["url"] is null))
            {
                errors.Add($"[ERROR] invalid slack file [json-pointer:{at}/slack_file]");
            }
        }
        else if (!hasUrl)
        {
            errors.Add($"[ERROR] must provide either image_url or slack_file [json-pointer:{at}]");
        }

        if (block["title"] is not null)
        {
            CheckText(block["title"], $"{at}/title", ImageAltText, errors, plainOnly: true, required: true);
        }
    }

    private static void CheckText(JsonNode? node, string at, int max, List<string> errors, bool plainOnly, bool required)
    {
        if (node is not JsonObject text)
        {
            if (required)
            {
                errors.Add($"[ERROR] must be a text object [json-pointer:{at}]");
            }

            return;
        }

        var type = text["type"]?.ToString();
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            errors.Add($"[ERROR] must be {(plainOnly ? "plain_text" : "plain_text or mrkdwn")} [json-pointer:{at}/type]");
        }

        var value = text["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(value))
        {
            errors.Add($"[ERROR] must be more than 0 characters [json-pointer:{at}/text]");
        }
        else if (value.Length > max)
        {
            errors.Add($"[ERROR] must be less than {max + 1} characters [json-pointer:{at}/text]");
        }
    }
}
