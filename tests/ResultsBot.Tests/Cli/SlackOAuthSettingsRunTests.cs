using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>Slack's many-workspace settings refused at start like any other: one error line naming the key, exit code 2.</summary>
public sealed class SlackOAuthSettingsRunTests
{
    private static readonly string[] OAuth =
    [
        "--Slack:ClientId=1.2", "--Slack:ClientSecret=client-secret", "--Slack:SigningSecret=signing", "--urls=http://127.0.0.1:0",
    ];

    [Theory]
    [InlineData("--Slack:Mode=SocketMode", "--Slack:TokenKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "error: Slack:ClientId (installing into many workspaces) needs Slack:Mode Http: Slack does not allow Socket Mode apps to be distributed")]
    [InlineData("--Slack:Mode=Http", "--Slack:TokenKey=AAECAwQFBgcICQoLDA0ODw==", "error: Slack:TokenKey is 16 bytes, not 32: give 32 random bytes as base64 (openssl rand -base64 32)")]
    [InlineData("--Slack:Mode=Http", "--Slack:Scopes:0=chat:write", "error: Slack:TokenKey is not set: give 32 random bytes as base64")]
    public async Task AnyVerb_BadOAuthSetting_FailsAtStartNamingTheKey(string mode, string key, string expected)
    {
        using var dir = new TempDirectory();

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, ["ask", "/help", .. OAuth, mode, key]);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret", stderr, StringComparison.Ordinal);
    }
}
