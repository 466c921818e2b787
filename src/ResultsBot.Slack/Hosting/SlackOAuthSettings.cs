using Microsoft.Extensions.Configuration;
using ResultsBot.Settings;
using ResultsBot.Slack.OAuth;
using static ResultsBot.Settings.SettingsText;

namespace ResultsBot.Slack.Hosting;

/// <summary>
/// The Slack: keys of the OAuth install flow (many workspaces). It is on when Slack:ClientId is set; then the
/// bot needs its client secret, a key to seal tokens, and Http mode — Slack does not let Socket Mode apps be
/// distributed to other workspaces.
/// </summary>
internal static class SlackOAuthSettings
{
    public static readonly string[] Keys = ["ClientId", "ClientSecret", "TokenKey", "Scopes", "RedirectUrl"];

    private const string Example = "T0123ABCD-C0123ABCD (the workspace's team id, a dash, the channel id)";

    /// <returns>Null when Slack:ClientId is not set (single-workspace token mode, or Slack off).</returns>
    public static SlackOptions? Read(IConfiguration configuration, IConfigurationSection section)
    {
        if (Blank(section["ClientId"]) is not { } clientId)
        {
            return Keys.Skip(1).FirstOrDefault(k => Blank(section[k]) is not null || section.GetSection(k).GetChildren().Any()) is { } orphan
                ? throw new SettingsException($"Slack:{orphan} is set but Slack:ClientId is not: give the app's client id to install into many workspaces, or leave the OAuth settings out")
                : null;
        }

        if (Blank(section["BotToken"]) is not null)
        {
            throw new SettingsException("Slack:BotToken and Slack:ClientId are both set: give one — a bot token for one workspace, or the client id (with Slack:ClientSecret and Slack:TokenKey) to install into many");
        }

        var mode = Enum(section, "Slack:Mode", SlackMode.Http);
        if (mode == SlackMode.SocketMode || Blank(section["AppToken"]) is not null)
        {
            throw new SettingsException("Slack:ClientId (installing into many workspaces) needs Slack:Mode Http: Slack does not allow Socket Mode apps to be distributed; remove Slack:AppToken and set Slack:Mode=Http");
        }

        var clientSecret = Blank(section["ClientSecret"])
            ?? throw new SettingsException("Slack:ClientSecret: installing into many workspaces needs the app's client secret (Basic Information → App Credentials)");
        var signingSecret = Blank(section["SigningSecret"])
            ?? throw new SettingsException("Slack:SigningSecret: Http mode needs the app's signing secret to verify commands and events");
        if (Urls(configuration) is null)
        {
            throw new SettingsException("Slack:ClientId needs the bot's web server: set --urls or ASPNETCORE_URLS (installs arrive at GET /slack/install and /slack/oauth_redirect)");
        }

        var channels = SlackSettings.Channels(section, Example);
        if (channels.FirstOrDefault(c => !WorkspaceChannel.TryParse(c, out _)) is { } bare)
        {
            // Installed into many workspaces, a channel id alone does not say whose token to post with.
            throw new SettingsException($"Slack:Channels '{bare}': with Slack:ClientId give the workspace too, as {Example}");
        }

        var scopes = List(section, "Scopes");
        return new SlackOptions(
            "",
            signingSecret,
            null,
            SlackMode.Http,
            channels,
            SlackSettings.AdminsOf(configuration, section),
            SlackSettings.ApiBaseUrl(section))
        {
            OAuth = new SlackOAuthOptions(
                clientId,
                clientSecret,
                TokenKey(section["TokenKey"]),
                scopes.Count > 0 ? scopes : SlackOAuthOptions.DefaultScopes,
                Url(section, "Slack:RedirectUrl", ["https", "http"])),
        };
    }

    /// <summary>
    /// 32 random bytes as base64 (e.g. <c>openssl rand -base64 32</c>). Refused when missing or shorter: a short
    /// key would seal every workspace's token weakly, and there is no safe default.
    /// </summary>
    private static byte[] TokenKey(string? text)
    {
        const string Advice = "give 32 random bytes as base64 (openssl rand -base64 32); it seals the workspaces' tokens at rest, so keep it as safe as they are";
        if (Blank(text) is not { } value)
        {
            throw new SettingsException("Slack:TokenKey is not set: " + Advice);
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new SettingsException("Slack:TokenKey is not base64: " + Advice);
        }

        return key.Length == TokenSeal.KeyBytes
            ? key
            : throw new SettingsException($"Slack:TokenKey is {key.Length} bytes, not {TokenSeal.KeyBytes}: " + Advice);
    }
}
