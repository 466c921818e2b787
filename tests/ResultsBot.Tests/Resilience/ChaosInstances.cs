using System.Globalization;
using System.Net;
using System.Text.Json;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Resilience;

/// <summary>
/// A fixed number of bot instances on one database, each slot run by one process at a time: a slot's process is
/// SIGKILLed and another started in its place on a fresh port, as a supervisor restarts a dead service. Every
/// process that ever ran is kept, so its log can be shown when something fails.
/// </summary>
internal sealed class ChaosInstances(Func<int, string[]> settings, string workingDirectory) : IDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private readonly List<Slot> _slots = [];
    private readonly List<BotProcess> _everyProcess = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>Starts one more instance in a slot of its own; returns the slot.</summary>
    public int Add()
    {
        lock (_gate)
        {
            _slots.Add(StartSlot());
            return _slots.Count - 1;
        }
    }

    /// <summary>SIGKILLs the slot's process and starts another in its place at once (not waiting for it to be up).</summary>
    public void KillAndRestart(int slot)
    {
        Slot dead;
        lock (_gate)
        {
            dead = _slots[slot];
        }

        dead.Bot.Kill();
        dead.Http.Dispose();
        lock (_gate)
        {
            _slots[slot] = StartSlot();
        }
    }

    /// <summary>
    /// The slot's role from its /readyz ("feed reader: …" or "standby: …"), or null when its process is not answering
    /// yet (still starting) or no longer (killed).
    /// </summary>
    public async Task<string?> RoleAsync(int slot)
    {
        var http = Current(slot).Http;
        try
        {
            using var timeout = new CancellationTokenSource(AskTimeout);
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return JsonDocument.Parse(body).RootElement.GetProperty("checks").TryGetProperty("role", out var role) ? role.GetString() : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ObjectDisposedException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The roles of every slot, in slot order (null for one not answering).</summary>
    public async Task<IReadOnlyList<string?>> RolesAsync()
    {
        var roles = new List<string?>();
        for (var slot = 0; slot < Count; slot++)
        {
            roles.Add(await RoleAsync(slot));
        }

        return roles;
    }

    /// <summary>
    /// Types a Slack slash command (/results TEXT) at the slot's HTTP endpoint, signed as Slack signs it; the answer's
    /// text, or null when the process is not answering. An answer not ready within Slack's window comes at the response URL.
    /// </summary>
    public async Task<string?> AskSlackAsync(int slot, string text, FakeServer server, FakeSlackResponseUrls urls, string signingSecret)
    {
        var (http, port) = (Current(slot).Http, Current(slot).Port);
        var responseUrl = urls.Create(server.BaseUrl);
        var endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/slack/commands");
        try
        {
            using var timeout = new CancellationTokenSource(AskTimeout);
            using var request = FakeSlackSlashCommandRequest.Create(endpoint, signingSecret, TimeProvider.System.GetUtcNow(), new FakeSlackSlashCommand(text, UserId: "U0READER", ChannelId: "C0ASK"), responseUrl);
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (body.Length > 0)
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.GetProperty("text").GetString();
            }

            var posted = await urls.WaitForPostsAsync(responseUrl, 1, AskTimeout);
            return posted[0].GetProperty("text").GetString();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Every process that ran, oldest first, with its pid, whether it was killed, and its log.</summary>
    public string Logs()
    {
        lock (_gate)
        {
            return string.Join("\n---\n", _everyProcess.Select(b => $"instance {b.Pid} (exited: {b.HasExited}):\n{b.Stderr}"));
        }
    }

    /// <summary>Asks each running instance to stop (SIGTERM) and waits a little for it.</summary>
    public async Task StopAsync()
    {
        List<Slot> slots;
        lock (_gate)
        {
            slots = [.. _slots];
        }

        foreach (var slot in slots)
        {
            slot.Bot.Signal("TERM");
        }

        foreach (var slot in slots)
        {
            try
            {
                await slot.Bot.WaitForExitAsync(TimeSpan.FromSeconds(20));
            }
            catch (OperationCanceledException)
            {
                // Killed on dispose.
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var slot in _slots)
            {
                slot.Http.Dispose();
            }

            foreach (var bot in _everyProcess)
            {
                bot.Dispose();
            }
        }
    }

    private Slot Current(int slot)
    {
        lock (_gate)
        {
            return _slots[slot];
        }
    }

    // Caller holds the gate.
    private Slot StartSlot()
    {
        // A fresh port each time: the killed process's port may not be free again at once.
        var port = FreePorts.Next();
        var bot = BotProcess.Start(workingDirectory, settings(port));
        _everyProcess.Add(bot);
        return new Slot(bot, port, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}") });
    }

    private sealed record Slot(BotProcess Bot, int Port, HttpClient Http);
}
