using System.Diagnostics;

namespace ResultsBot.Fakes;

/// <summary>
/// Runs a script from tests/conformance with the platforms' official JS clients (installed there by
/// `npm ci` on first use, so the README's single test command is enough on a fresh clone).
/// </summary>
public static class NodeConformance
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string Folder { get; } = Path.Combine(FindRepoRoot(), "tests", "conformance");

    /// <summary>Runs <c>node script args</c> in the conformance folder; returns exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string script, IReadOnlyList<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return await RunProcessAsync(start, timeout);
    }

    /// <summary>
    /// Whether every package package.json names is in node_modules: a client added since the last npm ci (in a
    /// checkout that already had node_modules) is installed before a script needs it.
    /// </summary>
    private static bool EveryDependencyInstalled()
    {
        using var package = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "package.json")));
        return !package.RootElement.TryGetProperty("dependencies", out var dependencies)
            || dependencies.EnumerateObject().All(d => Directory.Exists(Path.Combine(Folder, "node_modules", d.Name)));
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            // Another test assembly may install at the same time: a lock file beside the folder keeps them apart.
            using var lockFile = await AcquireFileLockAsync(Path.Combine(Folder, ".install.lock"));
            if (File.Exists(Path.Combine(Folder, "node_modules", ".package-lock.json")) && EveryDependencyInstalled())
            {
                return;
            }

            var npm = new ProcessStartInfo("npm") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
            {
                npm.ArgumentList.Add(argument);
            }

            var (code, output, errors) = await RunProcessAsync(npm, TimeSpan.FromMinutes(5));
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci in {Folder} failed ({code}): {output}\n{errors}");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task<(int, string, string)> RunProcessAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}: {await output}\n{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }

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
}
