using System.Diagnostics;
using System.Text;

namespace ResultsBot.Tests.Support;

/// <summary>The real bot as a new user runs it: a separate process, its stdout and stderr captured.</summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private BotProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public StreamWriter Stdin => _process.StandardInput;

    public static BotProcess Start(string workingDirectory, params string[] args) => StartUnder([], new Dictionary<string, string?>(), workingDirectory, args);

    /// <summary>Starts the bot with environment variables added to (or, with a null value, removed from) the test's own.</summary>
    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        StartUnder([], environment, workingDirectory, args);

    /// <summary>Starts the bot through a wrapper command (e.g. unshare), which is given the bot's command line to run.</summary>
    public static BotProcess StartUnder(IReadOnlyList<string> wrapper, string workingDirectory, params string[] args) =>
        StartUnder(wrapper, new Dictionary<string, string?>(), workingDirectory, args);

    private static BotProcess StartUnder(IReadOnlyList<string> wrapper, IReadOnlyDictionary<string, string?> environment, string workingDirectory, string[] args)
    {
        // RESULTSBOT_TEST_EXE runs these tests against a published bot (e.g. the Native AOT executable bench/run builds).
        var published = Environment.GetEnvironmentVariable("RESULTSBOT_TEST_EXE");
        var bot = string.IsNullOrEmpty(published) ? "dotnet" : published;
        var info = new ProcessStartInfo(wrapper.Count > 0 ? wrapper[0] : bot)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in wrapper.Skip(1).Concat(wrapper.Count > 0 ? [bot] : []))
        {
            info.ArgumentList.Add(arg);
        }

        if (string.IsNullOrEmpty(published))
        {
            info.ArgumentList.Add(Paths.BotDll);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The machine's locale must not change what the bot writes.
        info.Environment["LANG"] = "C";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return new BotProcess(Process.Start(info)!);
    }

    /// <summary>Runs a verb to completion.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args) =>
        RunUnderAsync([], workingDirectory, args);

    /// <summary>Runs a verb to completion through a wrapper command.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunUnderAsync(IReadOnlyList<string> wrapper, string workingDirectory, params string[] args)
    {
        using var bot = StartUnder(wrapper, workingDirectory, args);
        bot.Stdin.Close();
        var exit = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, bot.Stdout, bot.Stderr);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until stdout satisfies a condition (the bot is asynchronous; tests wait for what it says).</summary>
    public async Task WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition(Stdout))
        {
            if (deadline.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException($"waited for {what}; exited={_process.HasExited}\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL at once, from any thread (e.g. inside a fake's callback, before it answers the bot).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }
}
