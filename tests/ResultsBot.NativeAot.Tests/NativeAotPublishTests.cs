using System.Diagnostics;
using ResultsBot.Tests.Support;

namespace ResultsBot.NativeAot.Tests;

/// <summary>
/// The README's deployment is a Native AOT executable: the publish must stay free of trim and AOT warnings (each
/// one a place where the native bot may behave differently from the tested one), and the executable must work.
/// Measured at about 1 min 50 s on two shared cores, a cold build in a folder of its own.
/// </summary>
public sealed class NativeAotPublishTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Publish_NativeAot_HasNoWarningsAndTheExecutableAnswers()
    {
        using var work = new TempDirectory();
        var output = Path.Combine(work.Path, "out");

        // Its own artifacts folder: nothing the other tests or a developer's build use is touched.
        var (exit, log) = await RunAsync(
            "dotnet",
            ["publish", Path.Combine(Paths.RepoRoot, "src", "ResultsBot"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
             "-o", output, "--artifacts-path", Path.Combine(work.Path, "artifacts"), "-nologo"],
            Paths.RepoRoot);

        Assert.True(exit == 0, "publish failed:\n" + log);
        var warnings = log.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(warnings.Count == 0, "publish warned:\n" + string.Join("\n", warnings));
        Assert.Contains("Generating native code", log, StringComparison.Ordinal);

        var (asked, answer) = await RunAsync(Path.Combine(output, "ResultsBot"), ["ask", "/council Bolton", "--feed", Paths.SharedFeeds], work.Path);
        Assert.Equal(0, asked);
        Assert.StartsWith("Bolton stays under no overall control", answer, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, string[] arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["LANG"] = "C";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
