using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ResultsBot.Bench.Tests;

/// <summary>
/// `bench/run --smoke`: every side-by-side comparison for a few seconds, so the harness cannot rot. It
/// asserts that each comparison ran and wrote figures, not that the targets are met (that is RESULTS.md's job).
/// </summary>
public sealed class BenchSmokeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task SmokeRun_EveryComparisonCompletesAndWritesItsFigures()
    {
        var report = Path.Combine(Path.GetTempPath(), $"resultsbot-bench-smoke-{Guid.NewGuid():N}.md");
        var figures = Path.ChangeExtension(report, ".json");
        try
        {
            var (exit, stderr) = await RunSmokeAsync(report);

            Assert.True(exit == 0, $"bench/run --smoke exited {exit}:\n{stderr}");
            var text = await File.ReadAllTextAsync(report);
            foreach (var heading in new[] { "## Machine", "## 1. Slash commands over HTTP", "## 2. Fan-out", "## 3. Ingest", "## 4. Latency", "## 5. Footprint", "## Reproduce" })
            {
                Assert.Contains(heading, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("failed:", text, StringComparison.Ordinal);
            var results = JsonNode.Parse(await File.ReadAllTextAsync(figures))!["results"]!;
            foreach (var platform in results["commands"]!.AsArray())
            {
                foreach (var contender in platform!["contenders"]!.AsArray())
                {
                    Assert.True((double)contender!["saturation"]![0]!["rps"]! > 0, $"{platform["platform"]} {contender["name"]}: no requests answered");
                    Assert.Equal(401, (int)contender["forgedStatus"]!);
                    Assert.Contains("Thurrock", (string)contender["answer"]!, StringComparison.Ordinal);
                }
            }

            var fanOut = results["fanOut"]!;
            Assert.Equal((int)fanOut["channels"]!, (int)fanOut["ours"]![0]!["landedOnce"]!);
            Assert.Equal((int)fanOut["channels"]!, (int)fanOut["peer"]![0]!["landedOnce"]!);
            Assert.True((int)results["ingest"]!["messages"]! > 100);
            Assert.Equal((int)results["latency"]!["files"]!, (int)results["latency"]!["reached"]!);
            Assert.True((double)results["footprint"]!["rssMb"]! > 0);
            Assert.True((double)results["footprint"]!["startupMs"]! > 0);
        }
        finally
        {
            File.Delete(report);
            File.Delete(figures);
        }
    }

    private static async Task<(int Exit, string Stderr)> RunSmokeAsync(string report)
    {
        var repo = RepoRoot();
        // This assembly runs from tests/ResultsBot.Bench.Tests/bin/<Configuration>/net10.0/; the bench program was built beside it.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var info = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(repo, "bench", "run"), "--smoke", "--out", report })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["BENCH_CONFIGURATION"] = configuration;
        info.Environment["BENCH_NO_BUILD"] = "1";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bench/run --smoke took longer than {Patience}:\n{await stderr}");
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }

    private static string RepoRoot()
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
}
