using ResultsBot.Discord.Wire;
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
    public static List<ApplicationCommand> Build(IReadOnlyList<CommandSpec> commands, bool global = true, bool userInstall = false)
    {
        var list = new List<ApplicationCommand>();
        foreach (var spec in commands)
        {
            // Discord requires required options before optional ones.
            var options = spec.Options.OrderBy(o => o.Required ? 0 : 1).Take(25).Select(option => new ApplicationCommandOption
            {
                Type = StringOption,
                Name = Name(option.Name),
                Description = Describe(option.Description),
                Required = option.Required,
                Autocomplete = option.Completes is not null ? true : null,
            });

            // Only members who may manage the channel see settings commands.
            var command = new ApplicationCommand
            {
                Type = ChatInput,
                Name = Name(spec.Name),
                Description = Describe(spec.Description),
                Options = [.. options],
                DefaultMemberPermissions = spec.ChangesSettings ? ManageChannels : null,
            };

            // Contexts exist only for global commands (a server's own commands are that server's anyway).
            if (global && (spec.ChangesSettings || spec.AboutTheChannel))
            {
                // What a channel gets posted is a server's business: only in servers that added the bot, never in a
                // DM, and never through a user's own install of the app. /subscriptions too: a DM never gets posts,
                // so there it could only ever say "nothing".
                command = command with { IntegrationTypes = ServerOnly, Contexts = ServerOnly };
            }
            else if (global && userInstall)
            {
                // Questions are read-only: a reporter who installs the app to their account asks them in any server
                // or DM, including ones that never added the bot.
                command = command with { IntegrationTypes = Anywhere, Contexts = EveryContext };
            }

            list.Add(command);
        }

        return list;
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
