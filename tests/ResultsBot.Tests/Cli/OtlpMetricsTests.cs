using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class OtlpMetricsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_OtlpEndpointSet_SendsTheBotsMetricsToTheCollector()
    {
        // A collector on loopback that keeps what arrives at OTLP/HTTP's metrics path.
        var received = new ConcurrentQueue<(string ContentType, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        var collector = $"http://127.0.0.1:{FreePorts.Next()}";
        builder.WebHost.UseUrls(collector);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/v1/metrics", (RequestDelegate)(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.ContentType ?? "", body.ToArray()));
        }));
        await app.StartAsync();
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");

        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Path,
            "--OTEL_EXPORTER_OTLP_ENDPOINT=" + collector,
            "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "--OTEL_METRIC_EXPORT_INTERVAL=500");
        await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the post");
        await Waits.UntilAsync(() => received.Any(r => Contains(r.Body, "resultsbot_posts_delivered")), bot, Patience, $"the bot's metrics at the collector ({received.Count} exports so far)");

        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var export = received.FirstOrDefault(r => Contains(r.Body, "resultsbot_posts_delivered"));
        Assert.Equal("application/x-protobuf", export.ContentType);
        Assert.True(Contains(export.Body, "resultsbot"), "the service is named");
        Assert.True(received.Any(r => Contains(r.Body, "dotnet.gc.collections")), "the runtime's meters go too");
    }

    // OTLP is protobuf, whose strings are their UTF-8 bytes: a name is found without decoding the message.
    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
