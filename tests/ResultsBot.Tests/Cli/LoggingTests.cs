using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>Logging is configured the standard .NET way (Logging:*), on standard error, with the time on every line.</summary>
public sealed class LoggingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_Default_EveryLogLineOnStderrStartsWithTodaysDateAndTime()
    {
        using var night = new Night();

        var (stdout, stderr) = await night.RunUntilBoltonAndTheBadFileAsync();

        var lines = Lines(stderr);
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (info|warn|fail|crit): ResultsBot\.[\w.]+\[\d+\] ", line));
        Assert.All(lines, line => AssertRecent(DateTimeOffset.ParseExact(line[..19], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal)));
        Assert.Contains(lines, line => line.Contains(" info: ResultsBot.Application.Pipeline.BotService[0] Reading ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(" warn: ResultsBot.Application.Pipeline.ProblemReporter[0] Skipped weather.xml: ", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines(stdout), line => Regex.IsMatch(line, @"\b(info|warn): "));
    }

    [Fact]
    public async Task Run_JsonFormatter_WritesOneJsonObjectALineWithATimestamp()
    {
        using var night = new Night();

        var (stdout, stderr) = await night.RunUntilBoltonAndTheBadFileAsync("--Logging:Console:FormatterName=json");

        var entries = Lines(stderr).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, entry => AssertRecent(DateTimeOffset.Parse(entry.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture)));
        var skipped = Assert.Single(entries, e => e.GetProperty("Message").GetString()!.StartsWith("Skipped weather.xml: ", StringComparison.Ordinal));
        Assert.Equal("Warning", skipped.GetProperty("LogLevel").GetString());
        Assert.Equal("ResultsBot.Application.Pipeline.ProblemReporter", skipped.GetProperty("Category").GetString());
        Assert.Contains(entries, e => e.GetProperty("LogLevel").GetString() == "Information");
        Assert.DoesNotContain(Lines(stdout), line => line.StartsWith('{'));
    }

    [Fact]
    public async Task Run_SystemdFormatter_PrefixesEachLineWithItsJournalPriority()
    {
        using var night = new Night();

        var (_, stderr) = await night.RunUntilBoltonAndTheBadFileAsync("--Logging:Console:FormatterName=systemd");

        var lines = Lines(stderr);
        Assert.All(lines, line => Assert.Matches(@"^<[0-7]>ResultsBot\.", line));
        Assert.Contains(lines, line => line.StartsWith("<4>ResultsBot.Application.Pipeline.ProblemReporter[0] Skipped weather.xml: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("<6>ResultsBot.Application.Pipeline.BotService[0] Reading ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("command line")]
    [InlineData("appsettings.json")]
    [InlineData("environment")]
    public async Task Run_DefaultLevelWarning_HidesInformationButNotWarnings(string where)
    {
        using var night = new Night();
        string[] arguments = [];
        var environment = new Dictionary<string, string?>();
        switch (where)
        {
            case "command line":
                arguments = ["--Logging:LogLevel:Default=Warning"];
                break;
            case "appsettings.json":
                File.WriteAllText(night.Work.File("appsettings.json"), """{ "Logging": { "LogLevel": { "Default": "Warning" } } }""");
                break;
            default:
                environment["Logging__LogLevel__Default"] = "Warning";
                break;
        }

        var (_, stderr) = await night.RunUntilBoltonAndTheBadFileAsync(environment, arguments);

        var lines = Lines(stderr);
        Assert.Contains(lines, line => line.Contains(" warn: ResultsBot.Application.Pipeline.ProblemReporter[0] Skipped weather.xml: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(" info: ", StringComparison.Ordinal));
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The line's time is now (give or take the test's own minute), in the machine's zone.</summary>
    private static void AssertRecent(DateTimeOffset logged) =>
        Assert.InRange(logged, TimeProvider.System.GetLocalNow().AddMinutes(-5), TimeProvider.System.GetLocalNow().AddMinutes(1));

    /// <summary>A watched folder with one result (an Information line: "Reading …", and a post) and one file the bot cannot read (a Warning).</summary>
    private sealed class Night : IDisposable
    {
        public Night()
        {
            Feed.CopyFeed("Local_Test_result_Bolton_1.xml");
            File.WriteAllText(Feed.File("weather.xml"), "<?xml version='1.0'?><WeatherForecast revision='1'/>");
        }

        public TempDirectory Feed { get; } = new();

        public TempDirectory Work { get; } = new();

        public Task<(string Stdout, string Stderr)> RunUntilBoltonAndTheBadFileAsync(params string[] arguments) =>
            RunUntilBoltonAndTheBadFileAsync(new Dictionary<string, string?>(), arguments);

        public async Task<(string Stdout, string Stderr)> RunUntilBoltonAndTheBadFileAsync(IReadOnlyDictionary<string, string?> environment, string[] arguments)
        {
            using var bot = BotProcess.Start(
                Work.Path,
                environment,
                ["--Feed:Source=" + Feed.Path, "--Feed:PollInterval=100ms", "--ConnectionStrings:ResultsBot=Data Source=" + Work.File("bot.db"), .. arguments]);
            await Waits.UntilAsync(() => bot.Stdout.Contains("Bolton", StringComparison.Ordinal) && bot.Stderr.Contains("Skipped weather.xml", StringComparison.Ordinal), bot, Patience, "the post and the warning");
            bot.Signal("TERM");
            Assert.Equal(0, await bot.WaitForExitAsync(Patience));
            return (bot.Stdout, bot.Stderr);
        }

        public void Dispose()
        {
            Feed.Dispose();
            Work.Dispose();
        }
    }
}
