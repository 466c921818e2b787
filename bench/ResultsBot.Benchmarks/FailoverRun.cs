using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Storage.Tests;

namespace ResultsBot.Benchmarks;

/// <summary>
/// `failover [--kills N] [--channels N]`: several bot processes (the build beside this program) on a throwaway
/// PostgreSQL server and the rate-limit-enforcing Discord fake. First three instances, the feed reader SIGKILLed N
/// times while the sample night lands: the time from each kill until another instance's /readyz says it holds the
/// feed lease (min, median, max), beside what the new reader logged. Then one declaration fanned out to N channels
/// with one instance and with three: the time from the file landing to the last channel's post.
/// With `--kills 0`, the fan-out alone.
/// </summary>
internal static partial class FailoverRun
{
    private const string Token = "bench-discord-token";
    private const string ApplicationId = "1100000000000000001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string SampleFolder => Path.Combine(RepoRoot, "samples", "england-locals-2024");

    public static async Task<int> RunAsync(int kills, int channels)
    {
        using var postgres = new PostgresServer();
        if (kills == 0)
        {
            // Fan-out alone: a quicker run while tuning delivery.
            var alone = await FanOutAsync(postgres, channels, instances: 1);
            var spread = await FanOutAsync(postgres, channels, instances: 3);
            Console.WriteLine("result " + new JsonObject { ["fanOut"] = new JsonArray(alone, spread) }.ToJsonString());
            return (int)alone["landedOnce"]! == channels && (int)spread["landedOnce"]! == channels ? 0 : 1;
        }

        var (takeovers, logged) = await TakeoversAsync(postgres, kills);
        var ordered = takeovers.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failover: {kills} kills of the feed reader among 3 instances; another held the feed lease after min {ordered[0].TotalSeconds:F2} s, median {Median(ordered).TotalSeconds:F2} s, max {ordered[^1].TotalSeconds:F2} s (each: {string.Join(", ", takeovers.Select(t => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))}); the new readers logged: {string.Join(", ", logged)}"));

        var one = await FanOutAsync(postgres, channels, instances: 1);
        var three = await FanOutAsync(postgres, channels, instances: 3);
        Console.WriteLine("result " + new JsonObject
        {
            ["kills"] = kills,
            ["takeoverSeconds"] = new JsonArray([.. takeovers.Select(t => JsonValue.Create(t.TotalSeconds))]),
            ["takeoverMinSeconds"] = ordered[0].TotalSeconds,
            ["takeoverMedianSeconds"] = Median(ordered).TotalSeconds,
            ["takeoverMaxSeconds"] = ordered[^1].TotalSeconds,
            ["fanOut"] = new JsonArray(one, three),
        }.ToJsonString());
        return ordered[^1] < TimeSpan.FromSeconds(10) && (int)one["landedOnce"]! == channels && (int)three["landedOnce"]! == channels ? 0 : 1;
    }

    private static async Task<(List<TimeSpan> Takeovers, List<string> Logged)> TakeoversAsync(PostgresServer postgres, int kills)
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var work = new Scratch();
        var feed = work.Folder("feed");
        string[] settings = [.. Common(server, feed, postgres.NewDatabase()), "--Discord:Channels=1001"];
        var instances = Enumerable.Range(0, 3).Select(_ => BotInstance.Start(work.Path, settings)).ToList();
        var everyProcess = new List<BotInstance>(instances);
        using var landing = new CancellationTokenSource();
        var night = LandTheNightAsync(feed, TimeSpan.FromMilliseconds(400), landing.Token);
        var takeovers = new List<TimeSpan>();
        try
        {
            for (var kill = 0; kill < kills; kill++)
            {
                // Every instance up, so the killed reader's standbys are both ready to take over.
                var reader = await UntilAsync(async () => await AllUpWithOneReaderAsync(instances), "three instances up, one the feed reader");
                instances[reader].Kill();
                var sinceKill = Stopwatch.StartNew();
                var standbys = instances.Where((_, i) => i != reader).ToList();
                await UntilAsync(async () => await AnyAsync(standbys, s => s.IsFeedReaderAsync()) ? 0 : -1, "a standby taking the feed lease", poll: TimeSpan.FromMilliseconds(20));
                takeovers.Add(sinceKill.Elapsed);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kill {kill + 1}: another instance held the feed lease {sinceKill.Elapsed.TotalSeconds:F2} s later"));
                instances[reader] = BotInstance.Start(work.Path, settings);
                everyProcess.Add(instances[reader]);
            }
        }
        finally
        {
            await landing.CancelAsync();
            await night;
            await Task.WhenAll(instances.Select(i => i.StopAsync()));
        }

        var logged = everyProcess.SelectMany(i => TookOver().Matches(i.Log).Select(m => m.Groups[1].Value + " s")).ToList();
        everyProcess.ForEach(i => i.Dispose());
        return (takeovers, logged);
    }

    private static async Task<JsonObject> FanOutAsync(PostgresServer postgres, int channels, int instances)
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var work = new Scratch();
        var feed = work.Folder("feed");
        var ids = Enumerable.Range(0, channels).Select(i => (3_000_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        string[] settings = [.. Common(server, feed, postgres.NewDatabase()), "--Discord:Channels=" + string.Join(',', ids)];
        var bots = Enumerable.Range(0, instances).Select(_ => BotInstance.Start(work.Path, settings)).ToList();
        try
        {
            await UntilAsync(async () => await AllUpWithOneReaderAsync(bots), $"{instances} instances up, one the feed reader");
            // Instances that have just started are still handing delivery partitions on to each other: the fan-out is
            // timed once they are spread, as on a night when the instances have been running for a while.
            await UntilAsync(async () => await PartitionsSpreadAsync(bots) ? 0 : -1, "the delivery partitions spread over the instances");
            var thurrock = Directory.GetFiles(SampleFolder, "*_Thurrock_*.xml").Single();
            var landed = Stopwatch.StartNew();
            File.Copy(thurrock, Path.Combine(feed, Path.GetFileName(thurrock)));
            var patience = TimeSpan.FromSeconds(channels / 50.0 * 3 + 60);
            while (fake.Rest.AllMessages.Count < channels && landed.Elapsed < patience)
            {
                await Task.Delay(100);
            }

            var took = landed.Elapsed;
            await Task.Delay(1000); // a repeat, if there were one, would come now
            var all = fake.Rest.AllMessages;
            var once = ids.Count(id => all.TryGetValue(id, out var messages) && messages.Count == 1);
            var delivered = new List<int>();
            foreach (var bot in bots)
            {
                delivered.Add(await bot.DeliveredToDiscordAsync());
            }

            var minimum = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling(channels / 50.0) - 1));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fan-out with {instances} instance(s): {once} of {channels} channels got the post once, the last {took.TotalSeconds:F2} s after the file landed (the limits allow {minimum.TotalSeconds:F0} s); sent by each instance: {string.Join(", ", delivered)}; 429s {fake.Rest.RateLimitedCount} ({fake.Rest.GlobalRateLimitedCount} for the global limit)"));
            return new JsonObject
            {
                ["instances"] = instances,
                ["channels"] = channels,
                ["seconds"] = took.TotalSeconds,
                ["minimumSeconds"] = minimum.TotalSeconds,
                ["landedOnce"] = once,
                ["sentByEachInstance"] = new JsonArray([.. delivered.Select(d => JsonValue.Create(d))]),
                ["rateLimited"] = fake.Rest.RateLimitedCount,
                ["rateLimitedGlobal"] = fake.Rest.GlobalRateLimitedCount,
            };
        }
        finally
        {
            await Task.WhenAll(bots.Select(b => b.StopAsync()));
            bots.ForEach(b => b.Dispose());
        }
    }

    private static string[] Common(FakeServer server, string feed, string database) =>
    [
        "--Feed:Source=" + feed,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=" + database,
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=" + ApplicationId,
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Logging:LogLevel:Default=Warning", // the takeover lines are warnings; 5,000 channels' information would be noise
    ];

    // The sample night's files, one at a time, renamed into place so the reader never sees one half-written.
    private static async Task LandTheNightAsync(string feed, TimeSpan every, CancellationToken stop)
    {
        foreach (var file in Directory.GetFiles(SampleFolder, "*.xml").Order(StringComparer.Ordinal))
        {
            var landing = Path.Combine(feed, "." + Path.GetFileName(file) + ".part");
            File.Copy(file, landing);
            File.Move(landing, Path.Combine(feed, Path.GetFileName(file)));
            try
            {
                await Task.Delay(every, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The index of the one feed reader once every instance answers; -1 until then.</summary>
    private static async Task<int> AllUpWithOneReaderAsync(IReadOnlyList<BotInstance> instances)
    {
        var roles = await Task.WhenAll(instances.Select(i => i.RoleAsync()));
        var readers = Enumerable.Range(0, roles.Length).Where(i => roles[i]?.StartsWith("feed reader: ", StringComparison.Ordinal) == true).ToList();
        return roles.All(r => r is not null) && readers.Count == 1 ? readers[0] : -1;
    }

    /// <summary>True when the instances hold every delivery partition between them, none more than one more than another.</summary>
    private static async Task<bool> PartitionsSpreadAsync(IReadOnlyList<BotInstance> instances)
    {
        var held = new List<int>();
        foreach (var role in await Task.WhenAll(instances.Select(i => i.RoleAsync())))
        {
            var partitions = role is null ? null : Partitions().Match(role);
            held.Add(partitions is { Success: true } ? partitions.Groups[1].Value.Split(',').Length : 0);
        }

        return held.Sum() == 32 && held.Max() - held.Min() <= 1;
    }

    private static async Task<bool> AnyAsync(IEnumerable<BotInstance> instances, Func<BotInstance, Task<bool>> condition) =>
        (await Task.WhenAll(instances.Select(condition))).Any(b => b);

    private static async Task<int> UntilAsync(Func<Task<int>> found, string what, TimeSpan? poll = null)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (await found() is var index and >= 0)
            {
                return index;
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"gave up waiting for {what} after {Patience.TotalSeconds} s");
    }

    private static TimeSpan Median(List<TimeSpan> ordered) =>
        ordered.Count % 2 == 1 ? ordered[ordered.Count / 2] : (ordered[(ordered.Count / 2) - 1] + ordered[ordered.Count / 2]) / 2;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResultsBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResultsBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"delivery partitions? ([0-9, ]+) of 32")]
    private static partial Regex Partitions();

    [GeneratedRegex(@"Took over reading the feed after ([0-9.]+) s")]
    private static partial Regex TookOver();

    /// <summary>A scratch folder for the run, deleted at the end.</summary>
    private sealed class Scratch : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "resultsbot-bench", Guid.NewGuid().ToString("N"))).FullName;

        public string Folder(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A bot just stopped may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }
}
