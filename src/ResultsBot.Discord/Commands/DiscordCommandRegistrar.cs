using System.Text.Json;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;
using ResultsBot.Domain.Commands;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Commands;

/// <summary>
/// Registers the slash commands at start-up with one bulk overwrite, so commands removed from the catalogue
/// disappear too. With Discord:GuildId set, they go to that guild only (instant, for testing).
/// </summary>
public sealed class DiscordCommandRegistrar
{
    private readonly DiscordOptions _options;
    private readonly DiscordCallbacks _api;
    private readonly ILogger<DiscordCommandRegistrar> _logger;

    public DiscordCommandRegistrar(DiscordOptions options, HttpClient http, TimeProvider time, IPlatformMonitor monitor, ILogger<DiscordCommandRegistrar> logger)
    {
        _options = options;
        _api = new DiscordCallbacks(http, options, time, monitor, logger);
        _logger = logger;
    }

    /// <summary>Overwrites the application's commands with the catalogue's; returns how many Discord now has.</summary>
    public async Task<int> RegisterAsync(CancellationToken cancellationToken)
    {
        var app = _options.ApplicationId ?? throw new InvalidOperationException("Discord:ApplicationId is needed to register slash commands");
        var path = _options.GuildId is { Length: > 0 } guild
            ? $"/applications/{app}/guilds/{guild}/commands"
            : $"/applications/{app}/commands";
        var body = CommandPayload.Build(CommandCatalogue.All, global: _options.GuildId is not { Length: > 0 }, _options.UserInstall);
        var answer = await _api.SendAsync(HttpMethod.Put, path, DiscordBody.Of(body, DiscordJsonContext.Default.ListApplicationCommand), authorised: true, cancellationToken);
        var count = Registered(answer)?.Count ?? body.Count;
        _logger.LogInformation("Registered {Count} Discord slash commands {Scope}", count, _options.GuildId is { Length: > 0 } ? "in guild " + _options.GuildId : "globally");
        return count;
    }

    /// <summary>The commands Discord says it now has, or null when its answer cannot be read as a list of them.</summary>
    private static List<ApplicationCommand>? Registered(string answer)
    {
        try
        {
            return JsonSerializer.Deserialize(answer, DiscordJsonContext.Default.ListApplicationCommand);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
