using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Discord;

/// <summary>
/// Message components as Discord's component reference states them for the legacy layout: at most 5 action rows
/// (type 1), each with 1 to 5 buttons (type 2); a button has a style 1-5, a label of at most 80 characters, and (styles
/// 1-4) a custom_id of 1-100 characters unique within the message; a link button (style 5) has a url and no custom_id.
/// </summary>
public static class DiscordComponentRules
{
    public const int MaxRows = 5;
    public const int MaxButtonsPerRow = 5;
    public const int MaxCustomId = 100;
    public const int MaxLabel = 80;

    /// <summary>Null when Discord would accept the components; otherwise the problem, as its Invalid Form Body names it.</summary>
    public static string? Check(JsonNode? components)
    {
        if (components is null)
        {
            return null;
        }

        if (components is not JsonArray rows)
        {
            return "components: must be an array";
        }

        if (rows.Count > MaxRows)
        {
            return $"components: must be {MaxRows} or fewer in length";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not JsonObject row || Int(row["type"]) != 1 || row["components"] is not JsonArray buttons)
            {
                return $"components.{r}: must be an action row (type 1) with components";
            }

            if (buttons.Count is < 1 or > MaxButtonsPerRow)
            {
                return $"components.{r}.components: must be between 1 and {MaxButtonsPerRow} in length";
            }

            for (var b = 0; b < buttons.Count; b++)
            {
                if (CheckButton(buttons[b], $"components.{r}.components.{b}", ids) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static string? CheckButton(JsonNode? node, string at, HashSet<string> ids)
    {
        if (node is not JsonObject button || Int(button["type"]) != 2)
        {
            return $"{at}: only buttons (type 2) are understood here";
        }

        var style = Int(button["style"]);
        if (style is not (>= 1 and <= 5))
        {
            return $"{at}.style: must be 1-5";
        }

        if (button["label"]?.ToString() is { Length: > MaxLabel })
        {
            return $"{at}.label: must be {MaxLabel} or fewer in length";
        }

        var customId = button["custom_id"]?.ToString();
        if (style == 5)
        {
            return button["url"] is null || customId is not null ? $"{at}: a link button has a url and no custom_id" : null;
        }

        if (customId is not { Length: >= 1 and <= MaxCustomId })
        {
            return $"{at}.custom_id: must be between 1 and {MaxCustomId} in length";
        }

        return ids.Add(customId) ? null : $"{at}.custom_id: component custom id cannot be duplicated";
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
