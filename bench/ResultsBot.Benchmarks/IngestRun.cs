using ResultsBot.Storage.Hosting;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Pipeline;
using ResultsBot.Settings;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;

namespace ResultsBot.Benchmarks;

/// <summary>
/// `ingest DIR... [--rounds N]`: a whole night's feed read, validated, stored (SQLite file, as `run` keeps
/// it) and summarised (the book updated, every post composed and queued) through the bot's own
/// FeedProcessor, against the floor: a bare XmlReader pass over the same files. Each round starts from an
/// empty database; prints one JSON line per round.
/// </summary>
internal static class IngestRun
{
    public static async Task<int> RunAsync(IReadOnlyList<string> folders, int rounds)
    {
        var work = Path.Combine(Path.GetTempPath(), "resultsbot-bench", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        Directory.CreateDirectory(feed);
        // One folder, as the bot watches one: the files keep their names, prefixed by their folder's position.
        for (var i = 0; i < folders.Count; i++)
        {
            foreach (var file in Directory.GetFiles(folders[i], "*.xml"))
            {
                File.Copy(file, Path.Combine(feed, $"{i}_{Path.GetFileName(file)}"));
            }
        }

        var files = Directory.GetFiles(feed, "*.xml");
        for (var round = 0; round <= rounds; round++)
        {
            var floor = Stopwatch.StartNew();
            var elements = BareXmlPass(files);
            floor.Stop();
            var (messages, elapsed, allocated, collections, paused) = await IngestOnceAsync(feed, Path.Combine(work, $"night{round}.db"));
            if (round > 0)
            {
                // Round 0 warms the JIT and the file cache for both.
                Console.WriteLine("result " + new JsonObject
                {
                    ["files"] = files.Length,
                    ["messages"] = messages,
                    ["xmlElements"] = elements,
                    ["ingestMs"] = elapsed.TotalMilliseconds,
                    ["floorMs"] = floor.Elapsed.TotalMilliseconds,
                    ["allocatedMb"] = allocated / 1048576.0,
                    ["gen0Collections"] = collections,
                    // Time the GC held the ingest up: a collection that scans a large heap shows here, not in allocatedMb.
                    ["gcPauseMs"] = paused.TotalMilliseconds,
                    ["heapMb"] = GC.GetTotalMemory(forceFullCollection: false) / 1048576.0,
                }.ToJsonString());
            }
        }

        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static int BareXmlPass(string[] files)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        var elements = 0;
        foreach (var file in files)
        {
            using var reader = XmlReader.Create(new MemoryStream(File.ReadAllBytes(file)), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    elements++;
                }
            }
        }

        return elements;
    }

    private static async Task<(int Messages, TimeSpan Elapsed, long Allocated, int Collections, TimeSpan Paused)> IngestOnceAsync(string feed, string database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Feed:Source"] = feed, ["ConnectionStrings:ResultsBot"] = "Data Source=" + database });
        builder.AddSqliteStore(keep: true);
        var settings = SettingsReader.Read(builder.Configuration);
        // No outlet: ingest ends when every post is composed and queued; delivering them is comparison 2's business.
        builder.AddResultsBot(settings);
        using var host = builder.Build();
        var desk = host.Services.GetRequiredService<ResultsDesk>();
        var processor = host.Services.GetRequiredService<FeedProcessor>();
        var store = host.Services.GetRequiredService<IResultsStore>();
        desk.Restore();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var pausedBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        await processor.ProcessOnceAsync(new ProcessingMode(true, false, null), CancellationToken.None);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (store.LoadMessages().Count, clock.Elapsed, allocated, GC.CollectionCount(0) - collectionsBefore, GC.GetTotalPauseDuration() - pausedBefore);
    }
}
