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

    // Installation contexts: GUILD_INSTALL 0, USER_INSTALL 1. Interaction contexts: GUILD 0, BOT_DM 1, PRIVATE_CHANNEL 2.
    private static readonly int[] Anywhere = [0, 1];
    private static readonly int[] EveryContext = [0, 1, 2];
    private static readonly int[] ServerOnly = [0];

    /// <param name="global">Registered for the whole application (contexts apply only there), not one server.</param>
    /// <param name="userInstall">The app may be installed to a user's account (enabled in the Developer Portal first).</param>
    public static JsonArray Build(IReadOnlyList<CommandSpec> commands, bool global = true, bool userInstall = false)
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
                // Only for members who may manage the channel.
                command["default_member_permissions"] = ManageChannels;
            }

            // Contexts exist only for global commands (a server's own commands are that server's anyway).
            if (global && spec.ChangesSettings)
            {
                // What a channel gets posted is a server's business: only in servers that added the bot, never in a
                // DM, and never through a user's own install of the app.
                command["integration_types"] = Numbers(ServerOnly);
                command["contexts"] = Numbers(ServerOnly);
            }
            else if (global && userInstall)
            {
                // Questions are read-only: a reporter who installs the app to their account asks them in any server
                // or DM, including ones that never added the bot.
                command["integration_types"] = Numbers(Anywhere);
                command["contexts"] = Numbers(EveryContext);
            }

            array.Add((JsonNode)command);
        }

        return array;
    }

    private static JsonArray Numbers(int[] values) => [.. values.Select(v => (JsonNode)v)];

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
