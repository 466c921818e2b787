using System.Globalization;
using Microsoft.Extensions.Configuration;
using ResultsBot.Discord;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Platforms;
using ResultsBot.Slack;

namespace ResultsBot.Settings;

/// <summary>
/// Reads the Discord:, Slack: and Subscriptions settings. A platform is on when its BotToken is set; every
/// other problem (a missing key its mode needs, a channel id that cannot be one) fails at start, naming the key.
/// </summary>
internal static class PlatformSettingsReader
{
    public static DiscordOptions? Discord(IConfiguration configuration, string? urls)
    {
        var section = configuration.GetSection("Discord");
        if (Blank(section["BotToken"]) is not { } token)
        {
            return section.GetChildren().Any(c => Blank(c.Value) is not null || c.GetChildren().Any())
                ? throw new SettingsException("Discord:BotToken is not set, but other Discord: settings are: give the bot token to turn Discord on")
                : null;
        }

        var mode = Enum<DiscordMode>(section, "Discord:Mode", DiscordMode.Gateway);
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

            if (urls is null)
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
            UserInstall = SettingsReader.Flag(configuration, "Discord:UserInstall"),
        };
    }

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

    public static SlackOptions? Slack(IConfiguration configuration, string? urls)
    {
        var section = configuration.GetSection("Slack");
        if (Blank(section["BotToken"]) is not { } token)
        {
            return section.GetChildren().Any(c => Blank(c.Value) is not null || c.GetChildren().Any())
                ? throw new SettingsException("Slack:BotToken is not set, but other Slack: settings are: give the bot token (xoxb-…) to turn Slack on")
                : null;
        }

        var mode = Enum<SlackMode>(section, "Slack:Mode", SlackMode.SocketMode);
        var appToken = Blank(section["AppToken"]);
        var signingSecret = Blank(section["SigningSecret"]);
        if (mode == SlackMode.SocketMode && appToken is null)
        {
            throw new SettingsException("Slack:AppToken: Socket Mode needs an app-level token (xapp-…, with connections:write)");
        }

        if (mode == SlackMode.Http)
        {
            if (signingSecret is null)
            {
                throw new SettingsException("Slack:SigningSecret: Http mode needs the app's signing secret to verify slash commands");
            }

            if (urls is null)
            {
                throw new SettingsException("Slack:Mode Http needs the bot's web server: set --urls or ASPNETCORE_URLS (slash commands arrive at POST /slack/commands)");
            }
        }

        var channels = List(section, "Channels");
        if (channels.FirstOrDefault(c => !ChannelAddress.TryParse("slack:" + c, out _)) is { } bad)
        {
            throw new SettingsException($"Slack:Channels '{bad}': give channel ids such as C0123ABCD (channel details → About → Channel ID)");
        }

        return new SlackOptions(
            token,
            signingSecret,
            appToken,
            mode,
            channels,
            List(section, "Admins").ToHashSet(StringComparer.Ordinal),
            Url(section, "Slack:ApiBaseUrl", ["http", "https"]) ?? SlackOptions.DefaultApiBaseUrl);
    }

    /// <summary>Subscriptions:0:Channel=discord:123, Subscriptions:0:Filter=region London; changes.</summary>
    public static IReadOnlyList<ConfiguredSubscription> Subscriptions(IConfiguration configuration)
    {
        var known = Regions.KnownCouncils;
        var subscriptions = new List<ConfiguredSubscription>();
        foreach (var entry in configuration.GetSection("Subscriptions").GetChildren())
        {
            var key = $"Subscriptions:{entry.Key}";
            foreach (var child in entry.GetChildren().Where(c => c.Key is not ("Channel" or "Filter")))
            {
                throw new SettingsException($"{key}:{child.Key} is not a setting the bot knows (known: {key}:Channel, {key}:Filter)");
            }

            if (!ChannelAddress.TryParse(entry["Channel"], out var channel))
            {
                throw new SettingsException($"{key}:Channel '{entry["Channel"]}': write the channel as platform:id, e.g. discord:1234 or slack:C0123");
            }

            var parse = SubscriptionParser.Parse(entry["Filter"] ?? "", known, []);
            if (parse.Filter is null)
            {
                throw new SettingsException($"{key}:Filter: {parse.Error}");
            }

            subscriptions.Add(new ConfiguredSubscription(channel.ToString(), parse.Filter));
        }

        return subscriptions;
    }

    private static TEnum Enum<TEnum>(IConfigurationSection section, string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (Blank(section[key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..]]) is not { } text)
        {
            return fallback;
        }

        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new SettingsException($"{key} '{text}': give one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
    }

    private static Uri? Url(IConfigurationSection section, string key, string[] schemes)
    {
        if (Blank(section[key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..]]) is not { } text)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && schemes.Contains(url.Scheme)
            ? url
            : throw new SettingsException($"{key} '{text}': give an absolute {string.Join(" or ", schemes)} URL");
    }

    /// <summary>A list as Key:0, Key:1… or one comma-separated value.</summary>
    private static List<string> List(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        var values = list.Value is { } single ? [single] : list.GetChildren().Select(c => c.Value ?? "");
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
    }

    private static bool IsSnowflake(string text) => text.Length is > 0 and <= 20 && text.All(char.IsAsciiDigit) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
