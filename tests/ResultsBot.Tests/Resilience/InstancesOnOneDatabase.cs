using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Resilience;

/// <summary>
/// Bots started as separate processes on one PostgreSQL database, as a hosted bot runs on several machines: each with its
/// own folder and web server (for /readyz and /metrics), all reading one feed folder. Disposing stops them (TERM, then
/// KILL) and writes each one's log to the test's output.
/// </summary>
internal sealed class InstancesOnOneDatabase : IAsyncDisposable
{
    public const string Token = "fake-discord-bot-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Twenty councils of the test feed in name order, which is the order one poll reads them in.</summary>
    public static readonly string[] Councils =
    [
        "Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Birmingham", "Bolton", "Bradford", "Brent", "Bromley",
        "Burnley", "Bury", "Calderdale", "Camden", "Cheltenham", "Coventry", "Croydon", "Dudley", "Ealing", "Exeter",
    ];

    private readonly List<TempDirectory> _folders = [];
    private readonly ITestOutputHelper _output;

    private InstancesOnOneDatabase(ITestOutputHelper output) => _output = output;

    public List<(BotProcess Bot, HttpClient Http)> Bots { get; } = [];

    /// <param name="settings">Each instance's command line, given its web server's port.</param>
    public static InstancesOnOneDatabase Start(int count, Func<int, string[]> settings, ITestOutputHelper output) =>
        Start(count, (port, _) => settings(port), output);

    /// <param name="settings">Each instance's command line, given its web server's port and its own folder.</param>
    public static InstancesOnOneDatabase Start(int count, Func<int, TempDirectory, string[]> settings, ITestOutputHelper output)
    {
        var instances = new InstancesOnOneDatabase(output);
        for (var i = 0; i < count; i++)
        {
            var work = new TempDirectory();
            instances._folders.Add(work);
            var port = FreePorts.Next();
            instances.Bots.Add((BotProcess.Start(work.Path, settings(port, work)), new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}") }));
        }

        return instances;
    }

    /// <summary>Each instance's "role" in /readyz, in order, once each answers with one.</summary>
    public static async Task<List<string>> RolesAsync(IEnumerable<(BotProcess Bot, HttpClient Http)> bots)
    {
        var roles = new List<string>();
        foreach (var (_, http) in bots)
        {
            var (_, body) = await Readiness.UntilAsync(http, (_, b) => b.Contains("\"role\"", StringComparison.Ordinal), Patience);
            roles.Add(JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("role").GetString() ?? "");
        }

        return roles;
    }

    /// <summary>A counter or gauge from the instance's /metrics: the series <paramref name="name"/>, with the label if one is given.</summary>
    public static async Task<long> MetricAsync(HttpClient http, string name, string label = "")
    {
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = metrics.Split('\n').Single(l => (l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal)) && l.Contains(label, StringComparison.Ordinal));
        return long.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for the condition, failing with every instance's log when it does not come within a minute.</summary>
    public static async Task UntilAsync(Func<bool> condition, IEnumerable<(BotProcess Bot, HttpClient Http)> bots, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Patience)
            {
                Assert.Fail($"Gave up waiting for {what}.\n" + string.Join("\n---\n", bots.Select(b => $"exited: {b.Bot.HasExited}\n{b.Bot.Stderr}")));
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The same for a condition that asks the instances (over HTTP).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, IEnumerable<(BotProcess Bot, HttpClient Http)> bots, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Patience)
            {
                Assert.Fail($"Gave up waiting for {what}.\n" + string.Join("\n---\n", bots.Select(b => $"exited: {b.Bot.HasExited}\n{b.Bot.Stderr}")));
            }

            await Task.Delay(100);
        }
    }

    // The files arrive as a live feed's do: each with a time stamp later than the last, in declaration order.
    public static void Land(TempDirectory feed, IEnumerable<string> councils)
    {
        foreach (var council in councils)
        {
            feed.CopyFeed($"Local_Test_result_{council}_1.xml");
        }
    }

    /// <summary>Asserts that each channel shows every council's result, once, in the order they landed.</summary>
    public static void EveryCouncilOnceInOrder(FakeDiscordRest discord, IEnumerable<string> channels)
    {
        foreach (var channel in channels)
        {
            var titles = discord.MessagesIn(channel).Select(m => m.Title ?? "").ToList();
            var councils = titles.Select(t => Councils.SingleOrDefault(c => t.Contains(c, StringComparison.Ordinal)) ?? $"(not a council: {t})");
            Assert.True(Councils.SequenceEqual(councils), $"discord:{channel} got:\n{string.Join("\n", titles)}");
        }
    }

    /// <summary>An instance's command line: the feed folder polled often, the database, the fake Discord and its channels.</summary>
    public static string[] Settings(FakeServer server, TempDirectory feed, string database, int port, IEnumerable<string> channels) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=" + database,
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=1234567890",
        "--Discord:Channels=" + string.Join(',', channels),
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        "--urls=http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
    ];

    public async ValueTask DisposeAsync()
    {
        foreach (var (bot, http) in Bots)
        {
            bot.Signal("TERM");
            try
            {
                await bot.WaitForExitAsync(TimeSpan.FromSeconds(20));
            }
            catch (OperationCanceledException)
            {
                // Killed by its Dispose.
            }

            _output.WriteLine($"--- instance {bot.Pid} stderr:\n{bot.Stderr}");
            http.Dispose();
            bot.Dispose();
        }

        _folders.ForEach(f => f.Dispose());
    }
}
