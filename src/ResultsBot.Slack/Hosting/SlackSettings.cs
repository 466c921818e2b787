using Microsoft.Extensions.Configuration;
using ResultsBot.Platforms;
using ResultsBot.Settings;
using ResultsBot.Slack.OAuth;
using static ResultsBot.Settings.SettingsText;

namespace ResultsBot.Slack.Hosting;

/// <summary>
/// Reads the Slack: section. Slack is on when Slack:BotToken is set (one workspace) or Slack:ClientId (many, through
/// the OAuth install flow: see <see cref="SlackOAuthSettings"/>); every other problem fails at start, naming the key and
/// never showing a secret.
/// </summary>
public static class SlackSettings
{
    public const string Section = "Slack";

    public static readonly string[] Keys = ["BotToken", "SigningSecret", "AppToken", "Mode", "Channels", "Admins", "ApiBaseUrl", "HomeRefresh", .. SlackOAuthSettings.Keys];

    /// <returns>Null when Slack is off (no Slack: settings at all). Admins are Slack:Admins and the bot's own Admins together.</returns>
    public static SlackOptions? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (SlackOAuthSettings.Read(configuration, section) is { } oauth)
        {
            return oauth with { HomeRefresh = HomeRefresh(section["HomeRefresh"]) };
        }

        if (Blank(section["BotToken"]) is not { } token)
        {
            return section.GetChildren().Any(c => Blank(c.Value) is not null || c.GetChildren().Any())
                ? throw new SettingsException("Slack:BotToken is not set, but other Slack: settings are: give the bot token (xoxb-…) to turn Slack on")
                : null;
        }

        var mode = SettingsText.Enum(section, "Slack:Mode", SlackMode.SocketMode);
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

            if (Urls(configuration) is null)
            {
                throw new SettingsException("Slack:Mode Http needs the bot's web server: set --urls or ASPNETCORE_URLS (slash commands arrive at POST /slack/commands)");
            }
        }

        return new SlackOptions(
            token,
            signingSecret,
            appToken,
            mode,
            Channels(section, "C0123ABCD"),
            AdminsOf(configuration, section),
            ApiBaseUrl(section))
        {
            HomeRefresh = HomeRefresh(section["HomeRefresh"]),
        };
    }

    /// <summary>Slack:HomeRefresh: from a second (tests) to ten minutes.</summary>
    internal static TimeSpan HomeRefresh(string? text)
    {
        if (Blank(text) is not { } given)
        {
            return SlackOptions.DefaultHomeRefresh;
        }

        return Durations.TryParse(given, out var every) && every >= TimeSpan.FromSeconds(1) && every <= TimeSpan.FromMinutes(10)
            ? every
            : throw new SettingsException($"Slack:HomeRefresh '{given}': give how often the Home tab is checked for change, from 1s to 10m (e.g. 10s)");
    }

    internal static List<string> Channels(IConfigurationSection section, string example)
    {
        var channels = List(section, "Channels");
        if (channels.FirstOrDefault(c => !ChannelAddress.TryParse("slack:" + c, out _)) is { } bad)
        {
            throw new SettingsException($"Slack:Channels '{bad}': give channel ids such as {example} (channel details → About → Channel ID)");
        }

        return channels;
    }

    internal static HashSet<string> AdminsOf(IConfiguration configuration, IConfigurationSection section) =>
        List(section, "Admins").Union(SettingsText.Admins(configuration)).ToHashSet(StringComparer.Ordinal);

    internal static Uri ApiBaseUrl(IConfigurationSection section) => Url(section, "Slack:ApiBaseUrl", ["http", "https"]) ?? SlackOptions.DefaultApiBaseUrl;
}
