using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Interactions;
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
        var answer = await _api.SendAsync(HttpMethod.Put, path, body, authorised: true, cancellationToken);
        var count = JsonNode.Parse(answer) is JsonArray registered ? registered.Count : body.Count;
        _logger.LogInformation("Registered {Count} Discord slash commands {Scope}", count, _options.GuildId is { Length: > 0 } ? "in guild " + _options.GuildId : "globally");
        return count;
    }
}
