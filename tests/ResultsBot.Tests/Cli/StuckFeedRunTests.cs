using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>Issue 22's "hangs with /readyz still ready and no alert", through the real bot: an HTTP feed that stops answering.</summary>
public sealed class StuckFeedRunTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_FeedServerStopsAnswering_LoopGivesUpWithinTheReadTimeoutAlertsAndIsNotReadyThenRecovers()
    {
        using var folder = new TempDirectory();
        using var work = new TempDirectory();
        folder.CopyFeed("Local_Test_result_Thurrock_1.xml");
        await using var feed = await FeedServer.StartAsync(folder.Path);
        var web = $"http://127.0.0.1:{FreePorts.Next()}";
        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Url,
            "--Feed:PollInterval=200ms",
            "--Feed:ReadTimeout=2s",
            "--Operations:Channel=console",
            "--Operations:FeedFailingAfter=10m", // the stall, not the ordinary failure rule, must raise the alert
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--urls=" + web);
        await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the first post");
        using var http = new HttpClient { BaseAddress = new Uri(web) };

        var stall = new TaskCompletionSource();
        feed.Held = stall.Task; // every request now waits and never answers
        await bot.WaitForOutputAsync(o => o.Contains("Feed problem: results cannot be read", StringComparison.Ordinal), Patience, "the stuck-feed alert");
        var whileStuck = await FeedCheckAsync(http);

        stall.SetResult();
        folder.CopyFeed("Local_Test_result_Adur_1.xml");
        await bot.WaitForOutputAsync(o => o.Contains("Adur", StringComparison.Ordinal) && o.Contains("Feed back: readable again", StringComparison.Ordinal), Patience, "the all-clear and the next result");
        var after = await FeedCheckAsync(http);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, $"stuck: {feed.Url} stalled: its answer was not complete within 2 s"), whileStuck);
        Assert.Equal((HttpStatusCode.OK, "ok"), after);
    }

    private static async Task<(HttpStatusCode Status, string? Feed)> FeedCheckAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("checks").GetProperty("feed").GetString());
    }
}
