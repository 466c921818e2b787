using System.Net;
using System.Net.Sockets;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class OperationsServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_WithUrls_ServesHealthReadinessAndMetrics()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_result_Bolton_1.xml", "Local_Test_result_Bolton_2.xml");
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        using var bot = BotProcess.Start(work.Path, "--Feed:Source=" + feed.Path, "--urls", url);
        await bot.WaitForOutputAsync(o => Posts.Headlines(o).Count == 3, Patience, "three posts");
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var metricsType = (await http.GetAsync(new Uri("/metrics", UriKind.Relative))).Content.Headers.ContentType?.MediaType;
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"ready","checks":{"feed":"ok","role":"feed reader: the only instance on this store","store":"ok","platforms":"ok"}}""", await ready.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", metricsType);
        Assert.Equal("3", Sample(metrics, "resultsbot_declarations_accepted_total"));
        Assert.Equal("3", Sample(metrics, "resultsbot_posts_delivered_total", "platform=\"console\""));
        Assert.Equal("3", Sample(metrics, "resultsbot_delivery_latency_seconds_count"));
        Assert.Equal("0", Sample(metrics, "resultsbot_feed_failing"));
        Assert.Equal("1", Sample(metrics, "resultsbot_feed_reader")); // the only instance on its store reads the feed
        // At zero from the start, not from the first failure; and the runtime's and HTTP's meters beside the bot's.
        Assert.Equal("0", Sample(metrics, "resultsbot_posts_failed_total", "platform=\"console\""));
        Assert.Equal("0", Sample(metrics, "resultsbot_channels_paused_total"));
        Assert.Contains("\ndotnet_gc_heap_total_allocated_bytes_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhttp_server_request_duration_seconds_count{", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FeedFailingLongerThanAllowed_IsNotReady()
    {
        using var work = new TempDirectory();
        using var dir = new TempDirectory();
        await using var server = await FeedServer.StartAsync(dir.Path);
        server.Failing = true;
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        using var bot = BotProcess.Start(work.Path, "--Feed:Source=" + server.Url, "--Feed:PollInterval=100ms", "--Operations:FeedFailingAfter=1s", "--urls", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        var (status, body) = await Readiness.UntilAsync(http, (_, text) => text.Contains("\"feed\":\"failing:", StringComparison.Ordinal), Patience);

        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("\"feed\":\"failing:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BeforeTheFeedIsFirstRead_IsNotReadyThenReady()
    {
        // Ready means answers come from the restored night and new files are being watched: not before the first read.
        using var work = new TempDirectory();
        using var dir = new TempDirectory();
        await using var server = await FeedServer.StartAsync(dir.Path);
        var firstAnswer = new TaskCompletionSource();
        server.Held = firstAnswer.Task;
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        using var bot = BotProcess.Start(work.Path, "--Feed:Source=" + server.Url, "--Feed:PollInterval=100ms", "--urls", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        var before = await Readiness.UntilAsync(http, (_, _) => true, Patience);
        firstAnswer.SetResult();
        var after = await Readiness.UntilAsync(http, (code, _) => code == HttpStatusCode.OK, Patience);

        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.Status);
        Assert.Contains("\"feed\":\"starting:", before.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    /// <summary>The value of a Prometheus sample, whatever other labels (the meter's scope) and timestamp come with it.</summary>
    private static string Sample(string metrics, string name, string label = "")
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal) && label.Length == 0);
        Assert.True(line is not null, $"no {name}{{{label}}} in\n{metrics}");
        return line[(line.IndexOf('}', StringComparison.Ordinal) is var close and > 0 ? close + 2 : name.Length + 1)..].Split(' ')[0];
    }
}
