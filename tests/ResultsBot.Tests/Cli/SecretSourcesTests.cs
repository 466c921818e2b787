using System.Diagnostics;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>
/// Tokens without the command line (where ps shows them): systemd credential files, environment variables and,
/// for development, user-secrets. Each is proved by the bot signing in to the fake platforms with a token it was
/// given only that way.
/// </summary>
public sealed class SecretSourcesTests
{
    private const string ApplicationId = "1234567890";
    private const string DiscordToken = "right-discord-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_TokensOnlyAsCredentialFiles_SignsInToDiscordAndSlack()
    {
        using var credentials = new TempDirectory();
        File.WriteAllText(credentials.File("Discord__BotToken"), DiscordToken + "\n");
        File.WriteAllText(credentials.File("Slack__BotToken"), FakeSlackWebApi.DefaultToken + "\n");
        File.WriteAllText(credentials.File("Slack__SigningSecret"), "sign-in-test-secret");

        var output = await SignInAsync(new Dictionary<string, string?> { ["CREDENTIALS_DIRECTORY"] = credentials.Path }, slack: true);

        Assert.Contains("Slack: signed in as resultsbot in Fake Team", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TokenOnlyInTheEnvironment_SignsInToDiscord()
    {
        await SignInAsync(new Dictionary<string, string?> { ["Discord__BotToken"] = DiscordToken });
    }

    [Fact]
    public async Task Run_TokenOnlyInUserSecretsInDevelopment_SignsInToDiscord()
    {
        using var home = new TempDirectory();
        var environment = new Dictionary<string, string?> { ["HOME"] = home.Path, ["DOTNET_ENVIRONMENT"] = "Development", ["DOTNET_NOLOGO"] = "1" };
        await SetUserSecretAsync(home.Path, "Discord:BotToken", DiscordToken);

        await SignInAsync(environment);
    }

    /// <summary>Each layer overrides the one before: appsettings.json here, user-secrets, the environment, credential files, the command line.</summary>
    [Theory]
    [InlineData("user-secrets")]
    [InlineData("environment")]
    [InlineData("credential file")]
    [InlineData("command line")]
    public async Task AnyVerb_SameSettingInEveryLayerBelow_TheHighestGivenWins(string highest)
    {
        using var home = new TempDirectory();
        using var credentials = new TempDirectory();
        using var work = new TempDirectory();
        var layers = new[] { "appsettings.json", "user-secrets", "environment", "credential file", "command line" };
        var given = layers[..(Array.IndexOf(layers, highest) + 1)];
        var environment = new Dictionary<string, string?> { ["HOME"] = home.Path, ["DOTNET_ENVIRONMENT"] = "Development" };
        File.WriteAllText(work.File("appsettings.json"), """{ "Replay": { "Speed": "from-appsettings" } }""");
        await SetUserSecretAsync(home.Path, "Replay:Speed", "from-user-secrets");
        if (given.Contains("environment"))
        {
            environment["Replay__Speed"] = "from-environment";
        }

        if (given.Contains("credential file"))
        {
            File.WriteAllText(credentials.File("Replay__Speed"), "from-credential-file");
            environment["CREDENTIALS_DIRECTORY"] = credentials.Path;
        }

        using var bot = BotProcess.Start(work.Path, environment, ["ask", "/help", .. given.Contains("command line") ? ["--Replay:Speed=from-command-line"] : Array.Empty<string>()]);
        bot.Stdin.Close();

        Assert.Equal(2, await bot.WaitForExitAsync(Patience));
        Assert.StartsWith($"error: Replay:Speed 'from-{highest.Replace(' ', '-')}'", bot.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyVerb_MisspeltCredentialFile_FailsNamingIt()
    {
        using var credentials = new TempDirectory();
        using var work = new TempDirectory();
        File.WriteAllText(credentials.File("Discrod__BotToken"), DiscordToken);

        var (exit, stderr) = await AskAsync(work, new Dictionary<string, string?> { ["CREDENTIALS_DIRECTORY"] = credentials.Path });

        Assert.Equal(2, exit);
        Assert.StartsWith("error: Discrod is not a section the bot knows", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyVerb_CredentialsDirectoryThatDoesNotExist_FailsNamingIt()
    {
        using var work = new TempDirectory();

        var (exit, stderr) = await AskAsync(work, new Dictionary<string, string?> { ["CREDENTIALS_DIRECTORY"] = work.File("no-such-folder") });

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: CREDENTIALS_DIRECTORY '{work.File("no-such-folder")}': no such folder", stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the bot with every Discord (and Slack) setting but the secrets on the command line; waits for it to sign in.</summary>
    private static async Task<string> SignInAsync(IReadOnlyDictionary<string, string?> environment, bool slack = false)
    {
        using var discord = new FakeDiscord(DiscordToken, ApplicationId);
        var slackApi = new FakeSlackWebApi();
        await using var server = await FakeServer.StartAsync([.. discord.Parts, slackApi]);
        using var work = new TempDirectory();
        string[] settings =
        [
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Discord:ApplicationId=" + ApplicationId,
            "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
            "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
            .. slack ? ["--Slack:Mode=Http", "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"), "--urls=http://127.0.0.1:0"] : Array.Empty<string>(),
        ];

        using var bot = BotProcess.Start(work.Path, environment, settings);
        await Waits.UntilAsync(() => Said(bot, "Discord: signed in as ResultsBot") && (!slack || Said(bot, "Slack: signed in as")), bot, Patience, "the sign-in");
        bot.Signal("TERM");
        var exit = await bot.WaitForExitAsync(Patience);
        Assert.True(exit == 0, $"exit {exit}: {bot.Stderr}");
        Assert.DoesNotContain("refused the bot token", bot.Stdout + bot.Stderr, StringComparison.Ordinal);
        return bot.Stderr;
    }

    private static async Task<(int Exit, string Stderr)> AskAsync(TempDirectory work, IReadOnlyDictionary<string, string?> environment)
    {
        using var bot = BotProcess.Start(work.Path, environment, "ask", "/help");
        bot.Stdin.Close();
        return (await bot.WaitForExitAsync(Patience), bot.Stderr);
    }

    /// <summary>The SDK's own tool, as a developer runs it in the bot's project folder.</summary>
    private static async Task SetUserSecretAsync(string home, string key, string value)
    {
        var info = new ProcessStartInfo("dotnet", ["user-secrets", "set", key, value])
        {
            WorkingDirectory = Path.Combine(Paths.RepoRoot, "src", "ResultsBot"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["HOME"] = home;
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var tool = Process.Start(info)!;
        var stdout = tool.StandardOutput.ReadToEndAsync();
        var stderr = tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();
        Assert.True(tool.ExitCode == 0, $"dotnet user-secrets failed: {await stdout}{await stderr}");
    }

    private static bool Said(BotProcess bot, string text) => (bot.Stdout + bot.Stderr).Contains(text, StringComparison.Ordinal);
}
