using System.Net;
using System.Net.Sockets;
using System.Text;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>
/// Issue 20's "no secret given in any setting appears in anything the bot writes": the bot runs with a feed URL
/// holding a password and an API key, platform tokens and a signing secret, through a night where the feed
/// fails and is alerted; its stdout, stderr, /readyz, /metrics and database are then searched for every secret.
/// </summary>
public sealed class SecretsNeverWrittenTests
{
    private const string Marker = "S3CRET";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The default log format, and the json one with every category at Trace: a structured entry carries its values apart from its message, and the framework's own categories say more at Trace.</summary>
    [Theory]
    [InlineData("simple", "Information")]
    [InlineData("json", "Trace")]
    public async Task Run_SecretsInEverySetting_NoneAppearsInLogsPostsAlertsReadinessMetricsOrTheDatabase(string formatter, string level)
    {
        using var folder = new TempDirectory();
        using var work = new TempDirectory();
        folder.CopyFeed("Local_Test_result_Thurrock_1.xml");
        await using var feed = await FeedServer.StartAsync(folder.Path);
        using var discord = new FakeDiscord($"discord-{Marker}-right", "1234567890");
        await using var platforms = await FakeServer.StartAsync([.. discord.Parts, new FakeSlackWebApi()]);
        var secretFeed = new UriBuilder(feed.Url) { UserName = "newsroom", Password = $"pw-{Marker}-1", Query = $"apikey=key-{Marker}-2&region=all-{Marker}-3" }.Uri;
        var web = $"http://127.0.0.1:{FreePorts.Next()}";

        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + secretFeed,
            "--Feed:PollInterval=200ms",
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Operations:Channel=console",
            "--Operations:FeedFailingAfter=1s",
            "--Discord:BotToken=discord-" + Marker + "-wrong",
            "--Discord:ApplicationId=1234567890",
            "--Discord:ApiBaseUrl=" + new Uri(platforms.BaseUrl, "/api"),
            "--Discord:GatewayUrl=" + new Uri(platforms.WebSocketUrl, "/gateway"),
            "--Slack:BotToken=xoxb-" + Marker + "-4",
            "--Slack:Mode=Http",
            "--Slack:SigningSecret=signing-" + Marker + "-5",
            "--Slack:ApiBaseUrl=" + new Uri(platforms.BaseUrl, "/api/"),
            "--urls=" + web,
            "--Logging:Console:FormatterName=" + formatter,
            "--Logging:LogLevel:Default=" + level,
            "--Logging:LogLevel:Microsoft=" + level,
            "--Logging:LogLevel:System=" + level,
            "--Logging:LogLevel:System.Net.Http=" + level);
        await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the first post");

        feed.Failing = true;
        await bot.WaitForOutputAsync(o => o.Contains("Feed problem: results cannot be read", StringComparison.Ordinal), Patience, "the feed alert");
        using var http = new HttpClient { BaseAddress = new Uri(web) };
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var readyBody = await ready.Content.ReadAsStringAsync();
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var database = string.Concat(Directory.GetFiles(work.Path, "bot.db*").Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        var everything = string.Join("\n", bot.Stdout, bot.Stderr, readyBody, metrics, database);

        using (var checks = System.Text.Json.JsonDocument.Parse(readyBody))
        {
            Assert.Equal($"failing: http://newsroom:***@{secretFeed.Authority}/feed/?apikey=***&region=*** answered 500 Internal Server Error", checks.RootElement.GetProperty("checks").GetProperty("feed").GetString());
        }

        Assert.Contains("http://newsroom:***@127.0.0.1", bot.Stdout, StringComparison.Ordinal); // the alert names the feed, redacted
        Assert.Contains("Reading http://newsroom:***@127.0.0.1", bot.Stderr, StringComparison.Ordinal);
        Assert.Equal(formatter == "json", bot.Stderr.StartsWith('{'));
        Assert.Contains("check Slack:BotToken", bot.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, everything, StringComparison.Ordinal);
    }
}
