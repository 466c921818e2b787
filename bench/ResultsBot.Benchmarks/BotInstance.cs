using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ResultsBot.Benchmarks;

/// <summary>
/// The built bot as a separate process on a loopback port of its own, as an operator runs one instance: its log kept,
/// its /readyz role and /metrics read over HTTP, SIGKILLed or stopped with SIGTERM.
/// </summary>
internal sealed class BotInstance : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _gate = new();
    private readonly HttpClient _http;

    private BotInstance(Process process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(2) };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, _) => { }; // posts to the console are not looked at, only drained
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public string Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the bot (the build beside this bench program, same configuration) with these settings and --urls on a free port.</summary>
    public static BotInstance Start(string workingDirectory, IEnumerable<string> settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // kept open and silent: the bot reads commands from it
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BotDll);
        foreach (var setting in settings.Append("--urls=http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture)))
        {
            info.ArgumentList.Add(setting);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new BotInstance(Process.Start(info)!, port);
    }

    /// <summary>"feed reader: …" or "standby: …" from /readyz; null while the process is not answering.</summary>
    public async Task<string?> RoleAsync()
    {
        try
        {
            var body = await _http.GetStringAsync(new Uri("/readyz", UriKind.Relative));
            return JsonDocument.Parse(body).RootElement.GetProperty("checks").TryGetProperty("role", out var role) ? role.GetString() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    public async Task<bool> IsFeedReaderAsync() => (await RoleAsync())?.StartsWith("feed reader: ", StringComparison.Ordinal) == true;

    /// <summary>resultsbot_posts_delivered_total for Discord, from /metrics (0 when it has delivered none).</summary>
    public async Task<int> DeliveredToDiscordAsync()
    {
        var metrics = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("resultsbot_posts_delivered_total{", StringComparison.Ordinal) && l.Contains("platform=\"discord\"", StringComparison.Ordinal));
        return line is null ? 0 : (int)double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    public void Kill() => _process.Kill();

    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
        _http.Dispose();
    }

    // bench/ResultsBot.Benchmarks/bin/<Configuration>/net10.0/ → src/ResultsBot/bin/<Configuration>/net10.0/ResultsBot.dll
    private static string BotDll
    {
        get
        {
            var here = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            var configuration = here.Parent!.Name;
            return Path.Combine(FailoverRun.RepoRoot, "src", "ResultsBot", "bin", configuration, "net10.0", "ResultsBot.dll");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _log.AppendLine(line);
            }
        }
    }
}
