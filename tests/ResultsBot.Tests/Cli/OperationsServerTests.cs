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
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"ready","checks":{"feed":"ok","store":"ok","platforms":"ok"}}""", await ready.Content.ReadAsStringAsync());
        Assert.Contains("\nresultsbot_declarations_accepted_total 3\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nresultsbot_posts_delivered_total{platform=\"console\"} 3\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nresultsbot_delivery_latency_seconds_count 3\n", metrics, StringComparison.Ordinal);
        Assert.Contains("\nresultsbot_feed_failing 0\n", metrics, StringComparison.Ordinal);
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
}
