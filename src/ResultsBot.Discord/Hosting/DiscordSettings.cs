using Microsoft.Extensions.Configuration;
using ResultsBot.Settings;
using static ResultsBot.Settings.SettingsText;

namespace ResultsBot.Discord.Hosting;

/// <summary>
/// Reads the Discord: section. Discord is on when Discord:BotToken is set; every other problem (a missing key its
/// mode needs, a channel id that cannot be one) fails at start, naming the key and never showing the token.
/// </summary>
public static class DiscordSettings
{
    public const string Section = "Discord";

    public static readonly string[] Keys = ["BotToken", "ApplicationId", "PublicKey", "Mode", "Channels", "GuildId", "ApiBaseUrl", "GatewayUrl", "NonceWindow", "UserInstall", "ForumTitle", "Shards"];

    /// <returns>Null when Discord is off (no Discord: settings at all).</returns>
    public static DiscordOptions? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (Blank(section["BotToken"]) is not { } token)
        {
            return section.GetChildren().Any(c => Blank(c.Value) is not null || c.GetChildren().Any())
                ? throw new SettingsException("Discord:BotToken is not set, but other Discord: settings are: give the bot token to turn Discord on")
                : null;
        }

        var mode = SettingsText.Enum(section, "Discord:Mode", DiscordMode.Gateway);
        var applicationId = Blank(section["ApplicationId"]);
        if (applicationId is null || !IsSnowflake(applicationId))
        {
            throw new SettingsException($"Discord:ApplicationId '{applicationId}': give the application's id (a number, from the Developer Portal); commands are registered with it");
        }

        var publicKey = Blank(section["PublicKey"]);
        if (mode == DiscordMode.Interactions)
        {
            if (publicKey is null || publicKey.Length != 64 || !publicKey.All(char.IsAsciiHexDigit))
            {
                throw new SettingsException("Discord:PublicKey: Interactions mode needs the application's public key (64 hex characters, from the Developer Portal)");
            }

            if (Urls(configuration) is null)
            {
                throw new SettingsException("Discord:Mode Interactions needs the bot's web server: set --urls or ASPNETCORE_URLS (the endpoint is POST /discord/interactions)");
            }
        }

        var channels = List(section, "Channels");
        if (channels.FirstOrDefault(c => !IsSnowflake(c)) is { } bad)
        {
            throw new SettingsException($"Discord:Channels '{bad}': give channel ids (numbers; in Discord, Developer Mode → right-click the channel → Copy Channel ID)");
        }

        var guild = Blank(section["GuildId"]);
        if (guild is not null && !IsSnowflake(guild))
        {
            throw new SettingsException($"Discord:GuildId '{guild}': give the server's id (a number)");
        }

        return new DiscordOptions(
            token,
            applicationId,
            publicKey,
            mode,
            channels,
            guild,
            Url(section, "Discord:ApiBaseUrl", ["http", "https"]) ?? DiscordOptions.DefaultApiBaseUrl,
            Url(section, "Discord:GatewayUrl", ["ws", "wss"]))
        {
            NonceWindow = NonceWindow(section["NonceWindow"]),
            UserInstall = Flag(configuration, "Discord:UserInstall"),
            ForumTitle = ForumTitle(section["ForumTitle"]),
            Shards = Shards(section["Shards"]),
        };
    }

    /// <summary>Discord:Shards: a whole number of Gateway shards, 1 or more; unset asks Discord (GET /gateway/bot).</summary>
    private static int? Shards(string? text) => Blank(text) is not { } given
        ? null
        : int.TryParse(given, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var shards) && shards is >= 1 and <= 32_767
            ? shards
            : throw new SettingsException($"Discord:Shards '{given}': give the number of Gateway shards (a whole number, 1 or more), or leave it out to use the count Discord recommends");

    /// <summary>Discord:ForumTitle: a forum post's title is 1 to 100 characters.</summary>
    private static string ForumTitle(string? text) => Blank(text) is not { } given
        ? DiscordOptions.DefaultForumTitle
        : given.Trim().Length <= 100
            ? given.Trim()
            : throw new SettingsException($"Discord:ForumTitle: a forum post's title is at most 100 characters (this one has {given.Trim().Length})");

    /// <summary>Discord:NonceWindow: 0 (always look in the channel before a resend) up to Discord's few minutes.</summary>
    private static TimeSpan NonceWindow(string? text)
    {
        if (Blank(text) is not { } given)
        {
            return DiscordOptions.DefaultNonceWindow;
        }

        return Durations.TryParse(given, out var window) && window >= TimeSpan.Zero && window <= TimeSpan.FromMinutes(5)
            ? window
            : throw new SettingsException($"Discord:NonceWindow '{given}': give how long Discord is trusted to remember a post's nonce, from 0s to 5m (e.g. 1m)");
    }
}
