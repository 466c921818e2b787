using System.Text.Json;

namespace ResultsBot.Discord.Wire;

/// <summary>An option as typed: its name, its value, and whether the cursor is in it (autocomplete).</summary>
public sealed record DiscordInteractionOption
{
    public string? Name { get; init; }

    public int? Type { get; init; }

    /// <summary>
    /// A string, integer, number or boolean, by the option's type: a JsonElement holds whichever came, and
    /// <see cref="Text"/> reads it as the text the command engine takes.
    /// </summary>
    public JsonElement? Value { get; init; }

    public bool? Focused { get; init; }

    /// <summary>The value as text: a string as it is, anything else as its JSON ("3", "true"); empty when absent.</summary>
    public string Text => Value switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString() ?? "",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } or null => "",
        { } other => other.GetRawText(),
    };
}
