using System.Text.Json.Nodes;
using ResultsBot.Domain.Commands;

namespace ResultsBot.Discord.Commands;

/// <summary>The bulk-overwrite body for Discord: every command in the catalogue as a CHAT_INPUT command with string options.</summary>
internal static class CommandPayload
{
    private const int ChatInput = 1;
    private const int StringOption = 3;

    /// <summary>MANAGE_CHANNELS (1 &lt;&lt; 4): only members who may manage the channel see settings commands by default.</summary>
    private const string ManageChannels = "16";

    public static JsonArray Build(IReadOnlyList<CommandSpec> commands)
    {
        var array = new JsonArray();
        foreach (var spec in commands)
        {
            var options = new JsonArray();
            // Discord requires required options before optional ones.
            foreach (var option in spec.Options.OrderBy(o => o.Required ? 0 : 1).Take(25))
            {
                var json = new JsonObject
                {
                    ["type"] = StringOption,
                    ["name"] = Name(option.Name),
                    ["description"] = Describe(option.Description),
                    ["required"] = option.Required,
                };
                if (option.Completes is not null)
                {
                    json["autocomplete"] = true;
                }

                options.Add((JsonNode)json); // the JsonNode overload: trim-safe
            }

            var command = new JsonObject
            {
                ["type"] = ChatInput,
                ["name"] = Name(spec.Name),
                ["description"] = Describe(spec.Description),
                ["options"] = options,
            };
            if (spec.ChangesSettings)
            {
                command["default_member_permissions"] = ManageChannels;
            }

            array.Add((JsonNode)command);
        }

        return array;
    }

    private static string Name(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Length <= 32 ? lower : lower[..32];
    }

    private static string Describe(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "-";
        }

        return trimmed.Length <= 100 ? trimmed : trimmed[..99] + "…";
    }
}
