using Microsoft.Extensions.Configuration;
using ResultsBot.Settings;
using ResultsBot.Slack.Hosting;

namespace ResultsBot.Slack.Tests.OAuth;

public sealed class SlackOAuthSettingsTests
{
    private static readonly string Key = Convert.ToBase64String(OAuthRig.Key);

    [Fact]
    public void Read_ClientIdSecretKeyAndHttp_ManyWorkspacesWithTheManifestsScopes()
    {
        var slack = Read(Complete())!;

        Assert.Equal("1.2", slack.OAuth!.ClientId);
        Assert.Equal(OAuthRig.Key, slack.OAuth.TokenKey);
        Assert.Equal(["chat:write", "commands", "channels:history", "groups:history", "files:write"], slack.OAuth.Scopes);
        Assert.Equal(SlackMode.Http, slack.Mode);
        Assert.Equal("", slack.BotToken);
        Assert.Equal(["T0AAAAAAA-C0AAAAAAA"], slack.Channels);
        Assert.DoesNotContain("client-secret", slack.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, slack.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoClientId_SingleWorkspaceModeIsUnchanged()
    {
        var slack = Read(("Slack:BotToken", "xoxb-1"), ("Slack:AppToken", "xapp-1"))!;

        Assert.Null(slack.OAuth);
        Assert.Equal(SlackMode.SocketMode, slack.Mode);
    }

    [Theory]
    [InlineData("Slack:Mode", "SocketMode", "Slack:ClientId (installing into many workspaces) needs Slack:Mode Http: Slack does not allow Socket Mode apps to be distributed; remove Slack:AppToken and set Slack:Mode=Http")]
    [InlineData("Slack:AppToken", "xapp-1", "Slack:ClientId (installing into many workspaces) needs Slack:Mode Http: Slack does not allow Socket Mode apps to be distributed; remove Slack:AppToken and set Slack:Mode=Http")]
    [InlineData("Slack:TokenKey", "", "Slack:TokenKey is not set: give 32 random bytes as base64 (openssl rand -base64 32); it seals the workspaces' tokens at rest, so keep it as safe as they are")]
    [InlineData("Slack:TokenKey", "AAAAAAAAAAAAAAAAAAAAAA==", "Slack:TokenKey is 16 bytes, not 32: give 32 random bytes as base64 (openssl rand -base64 32); it seals the workspaces' tokens at rest, so keep it as safe as they are")]
    [InlineData("Slack:TokenKey", "not base64!", "Slack:TokenKey is not base64: give 32 random bytes as base64 (openssl rand -base64 32); it seals the workspaces' tokens at rest, so keep it as safe as they are")]
    [InlineData("Slack:ClientSecret", "", "Slack:ClientSecret: installing into many workspaces needs the app's client secret (Basic Information → App Credentials)")]
    [InlineData("Slack:BotToken", "xoxb-1", "Slack:BotToken and Slack:ClientId are both set: give one — a bot token for one workspace, or the client id (with Slack:ClientSecret and Slack:TokenKey) to install into many")]
    [InlineData("Slack:Channels", "C0AAAAAAA", "Slack:Channels 'C0AAAAAAA': with Slack:ClientId give the workspace too, as T0123ABCD-C0123ABCD (the workspace's team id, a dash, the channel id)")]
    [InlineData("urls", "", "Slack:ClientId needs the bot's web server: set --urls or ASPNETCORE_URLS (installs arrive at GET /slack/install and /slack/oauth_redirect)")]
    public void Read_OneSettingWrong_RefusedNamingIt(string key, string value, string expected)
    {
        var settings = Complete().Where(s => s.Key != key).Append((key, value)).ToArray();

        var refused = Assert.Throws<SettingsException>(() => Read(settings));

        Assert.Equal(expected, refused.Message);
    }

    [Fact]
    public void Read_OAuthSettingWithoutClientId_Refused()
    {
        var refused = Assert.Throws<SettingsException>(() => Read(("Slack:BotToken", "xoxb-1"), ("Slack:AppToken", "xapp-1"), ("Slack:TokenKey", Key)));

        Assert.Equal("Slack:TokenKey is set but Slack:ClientId is not: give the app's client id to install into many workspaces, or leave the OAuth settings out", refused.Message);
    }

    private static (string Key, string Value)[] Complete() =>
    [
        ("Slack:ClientId", "1.2"), ("Slack:ClientSecret", "client-secret"), ("Slack:TokenKey", Key), ("Slack:SigningSecret", "signing"),
        ("Slack:Channels", "T0AAAAAAA-C0AAAAAAA"), ("urls", "http://127.0.0.1:0"),
    ];

    private static SlackOptions? Read(params (string Key, string Value)[] settings) =>
        SlackSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());
}
