using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("--Replay:Speed=fast", "Replay:Speed 'fast'")]
    [InlineData("--Feed:PollInterval=soon", "Feed:PollInterval 'soon'")]
    [InlineData("--Feed:ReadTimeout=forever", "Feed:ReadTimeout 'forever'")]
    [InlineData("--Feed:Sauce=x", "Feed:Sauce is not a setting the bot knows")]
    [InlineData("--Feed:Source=/no/such/feed", "Feed:Source '/no/such/feed': no such file or directory")]
    [InlineData("--Feed:Source=ftp://example.invalid/feed", "only http:// and https:// URLs")]
    [InlineData("--Feed:Source=ftp://reader:pw-secret@example.invalid/feed?key=k-secret", "Feed:Source 'ftp://reader:***@example.invalid/feed?***': only http:// and https:// URLs")]
    [InlineData("--Posts:Culture=xx-nowhere", "Posts:Culture 'xx-nowhere'")]
    [InlineData("--Discrod:BotToken=x", "error: Discrod is not a section the bot knows")]
    [InlineData("--urls=notaurl", "error: --urls 'notaurl': give where to listen as http://HOST:PORT")]
    public async Task AnyVerb_BadSetting_FailsAtStartNamingTheKey(string setting, string expected)
    {
        using var dir = new TempDirectory();

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "ask", "/help", setting);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnopenableConnectionString_FailsNamingTheKey()
    {
        using var dir = new TempDirectory();

        var (exit, _, stderr) = await BotProcess.RunAsync(dir.Path, "--ConnectionStrings:ResultsBot=Data Source=/no/such/dir/x.db", "--Feed:Source=" + Paths.SharedFeeds);

        Assert.Equal(2, exit);
        Assert.Contains("ConnectionStrings:ResultsBot", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port={port};Database=night;Username=bot;Password=hunter2;Timeout=5", "error: ConnectionStrings:ResultsBot ('Host=127.0.0.1;Port=")]
    [InlineData("Host=127.0.0.1;Port=notanumber;Password=hunter2", "error: ConnectionStrings:ResultsBot is not a PostgreSQL connection string that can be used")]
    public async Task Run_PostgresUnreachableOrUnreadable_FailsNamingTheKeyButNotThePassword(string connectionString, string expected)
    {
        using var dir = new TempDirectory();
        using var nothingListens = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        nothingListens.Start();
        var port = ((System.Net.IPEndPoint)nothingListens.LocalEndpoint).Port;
        nothingListens.Stop(); // a port just freed: nothing answers there

        var (exit, _, stderr) = await BotProcess.RunAsync(
            dir.Path, "--ConnectionStrings:ResultsBot=" + connectionString.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), "--Feed:Source=" + Paths.SharedFeeds);

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DatabaseFromANewerResultsBot_FailsSayingBothSchemaVersions()
    {
        using var dir = new TempDirectory();
        var db = dir.File("bot.db");
        using (var newer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            newer.Open();
            using var version = newer.CreateCommand();
            version.CommandText = "PRAGMA user_version = 9";
            version.ExecuteNonQuery();
        }

        var (exit, _, stderr) = await BotProcess.RunAsync(dir.Path, "--ConnectionStrings:ResultsBot=Data Source=" + db, "--Feed:Source=" + Paths.SharedFeeds);

        Assert.Equal(2, exit);
        Assert.Contains("error: ConnectionStrings:ResultsBot: the database was made by a newer ResultsBot (schema 9; this one knows up to 4)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_SettingFromEnvironmentStyleAppsettingsInWorkingDirectory_IsUsed()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("appsettings.json"), """{ "Replay": { "Speed": "nonsense" } }""");

        var (exit, _, stderr) = await BotProcess.RunAsync(dir.Path, "replay", Paths.SharedFeeds);

        Assert.Equal(2, exit);
        Assert.Contains("Replay:Speed 'nonsense'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyVerb_MisspeltSectionInAppsettings_FailsNamingIt()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("appsettings.json"), """{ "Slak": { "BotToken": "x" }, "Logging": { "LogLevel": { "Default": "Warning" } } }""");

        var (exit, _, stderr) = await BotProcess.RunAsync(dir.Path, "ask", "/help");

        Assert.Equal(2, exit);
        Assert.Contains("error: Slak is not a section the bot knows", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PortAnotherProgramHolds_SaysSoAndExitsTwo()
    {
        using var dir = new TempDirectory();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, _, stderr) = await BotProcess.RunAsync(dir.Path, "run", $"--urls=http://127.0.0.1:{port}");

        Assert.Equal(2, exit);
        var errors = stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"error: --urls: Failed to bind to address http://127.0.0.1:{port}: address already in use; another program is listening there, so choose another port or stop it."], errors);
    }

    [Fact]
    public async Task UnknownVerb_PrintsUsageAndExitsTwo()
    {
        var (exit, _, stderr) = await BotProcess.RunAsync(Paths.RepoRoot, "replya", "x");

        Assert.Equal(2, exit);
        Assert.Contains("unknown verb 'replya'", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExampleSettings_AreAllSettingsTheBotKnows()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(Paths.RepoRoot, "appsettings.example.json"), dir.File("appsettings.json"));

        // The example's feed path is illustrative; everything else is read as written.
        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "ask", "/share set Lab 34 source BBC", "--Feed:Source=" + Paths.SharedFeeds);

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("Projected national share set: Labour 34%", stdout, StringComparison.Ordinal);
    }
}
