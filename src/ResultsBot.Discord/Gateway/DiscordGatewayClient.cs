using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Wire;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Gateway;

/// <summary>
/// The bot's Gateway connection, owning its reconnect loop: identify, heartbeat, resume on resume_gateway_url
/// after op 7, op 9 (d=true) or a resumable close; identify afresh when the session is gone; stop for good on
/// close codes that reconnecting cannot fix. INTERACTION_CREATE goes to the <see cref="DiscordInteractionHandler"/>,
/// once per interaction id even when a resume replays it. Run it as a hosted service or call <see cref="RunAsync"/>.
/// </summary>
public sealed class DiscordGatewayClient : BackgroundService, IBotPresence
{
    private const string Platform = "discord";

    private readonly DiscordOptions _options;
    private readonly DiscordCallbacks _api;
    private readonly DiscordInteractionHandler _interactions;
    private readonly IPlatformMonitor _monitor;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordGatewayClient> _logger;
    private readonly Random _random;
    private readonly GatewaySession _session = new();
    private readonly SeenInteractions _seen = new();
    private volatile bool _connected;
    private int? _closeCode;
    private IdentifyGate.Turn? _turn; // taken before an identify, given back once it went out
    private bool _everConnected;

    // The status to show ("Watching …"), what this session last showed, and the live connection to send it on.
    private volatile string? _watching;
    private string? _shown;
    private volatile LiveConnection? _live;

    /// <param name="random">Heartbeat jitter and the Invalid Session wait; tests pass a seeded one.</param>
    public DiscordGatewayClient(
        DiscordOptions options,
        HttpClient http,
        DiscordInteractionHandler interactions,
        IPlatformMonitor monitor,
        TimeProvider time,
        ILogger<DiscordGatewayClient> logger,
        Random? random = null)
    {
        _options = options;
        _api = new DiscordCallbacks(http, options, time, monitor, logger);
        _interactions = interactions;
        _monitor = monitor;
        _time = time;
        _logger = logger;
        _random = random ?? Random.Shared;
    }

    /// <summary>True between READY (or RESUMED) and the connection's end: for readiness checks.</summary>
    public bool Connected => _connected;

    /// <summary>Why the client stopped for good (a close code such as 4004), or null while it keeps trying.</summary>
    public string? StoppedReason { get; private set; }

    /// <summary>The close code Discord stopped the client with for good (4011: sharding required), if it did.</summary>
    public int? StoppedCode { get; private set; }

    internal GatewayTimings Timings { get; init; } = new();

    /// <summary>The shard this connection runs (IDENTIFY says so); null identifies without a shard, as one unsharded bot.</summary>
    internal GatewayShard? Shard { get; init; }

    /// <summary>Shared by the shards of one process, so their identifies keep within max_concurrency; null identifies unpaced.</summary>
    internal IdentifyGate? Identifies { get; init; }

    /// <summary>Connects and keeps connecting until cancelled or until Discord refuses the bot for good.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var failedResumes = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            ConnectionEnd end;
            try
            {
                end = await ConnectOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (IdentifyLimitException e)
            {
                _logger.LogError("Discord's daily session-start limit is used up: waiting {Hours:0.#} h before identifying again", e.ResetAfter.TotalHours);
                end = new ConnectionEnd(ConnectionNext.Identify, "daily session-start limit reached", false, e.ResetAfter);
            }
            catch (DiscordCallException e) when (e.Status is 401 or 403)
            {
                end = new ConnectionEnd(ConnectionNext.Stop, $"GET /gateway/bot answered {e.Status}: the bot token is wrong or was reset", false);
            }
            catch (Exception e)
            {
                end = new ConnectionEnd(ConnectionNext.Resume, "could not connect: " + e.Message, false);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            MarkDisconnected(end.Reason);
            if (end.Next == ConnectionNext.Stop)
            {
                StoppedReason = end.Reason;
                StoppedCode = _closeCode;
                if (_closeCode != GatewayCloseCodes.ShardingRequired || Shard is null)
                {
                    _logger.LogCritical("Discord Gateway stopped for good, not reconnecting: {Reason}. Fix the Discord settings and restart.", end.Reason);
                }

                _monitor.ConnectionChanged(Platform, false, "stopped: " + end.Reason);
                return;
            }

            failures = end.Established ? 0 : failures + 1;
            failedResumes = end.Established || !_session.CanResume ? 0 : failedResumes + 1;
            if (end.Next == ConnectionNext.Identify || failedResumes >= 3)
            {
                // A session that cannot be resumed is dropped: the next connection identifies afresh.
                _session.Forget();
                failedResumes = 0;
            }

            var delay = end.Delay ?? Backoff(failures);
            _logger.Log(
                end.Established ? LogLevel.Information : LogLevel.Warning,
                "Discord Gateway disconnected ({Reason}); {Action} in {Delay:0.#} s",
                end.Reason,
                _session.CanResume ? "resuming" : "identifying",
                delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        MarkDisconnected("shutting down");
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    private async Task<ConnectionEnd> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        _closeCode = null;
        var resuming = _session.CanResume;
        if (resuming || Identifies is not { } gate)
        {
            return await ConnectAsync(resuming, cancellationToken);
        }

        _turn = await gate.WaitTurnAsync(Shard?.Id ?? 0, cancellationToken);
        try
        {
            return await ConnectAsync(resuming, cancellationToken);
        }
        finally
        {
            // The connection ended before Hello, or the identify's send failed part way: it may have reached Discord,
            // so the bucket's window starts now either way (and another instance's turn is not held for ever).
            GiveTurnBack();
        }
    }

    /// <summary>The identify turn went out: its bucket's window counts from now.</summary>
    private void GiveTurnBack()
    {
        if (_turn is { } turn)
        {
            _turn = null;
            Identifies?.Identified(turn);
        }
    }

    private async Task<ConnectionEnd> ConnectAsync(bool resuming, CancellationToken cancellationToken)
    {
        var url = WithQuery(resuming ? _session.ResumeUrl! : await GatewayUrlAsync(cancellationToken));
        var socket = await GatewaySocket.ConnectAsync(url, Timings.ConnectTimeout, _time, cancellationToken);
        using (socket)
        {
            // Not linked to the caller's token: cancelling a WebSocket receive aborts the socket, and on
            // shutdown we want a clean 1000 close instead (see CloseOnShutdown).
            using var connection = new CancellationTokenSource();
            using var shutdown = cancellationToken.Register(() => _ = CloseOnShutdownAsync(socket, connection));
            var heartbeat = new HeartbeatState();
            Task? heartbeats = null;
            var established = false;
            try
            {
                while (true)
                {
                    GatewayPayload? message;
                    try
                    {
                        message = await socket.ReceiveAsync(connection.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return new ConnectionEnd(ConnectionNext.Resume, "no heartbeat ACK (zombie connection)", established);
                    }
                    catch (WebSocketException e)
                    {
                        return new ConnectionEnd(ConnectionNext.Resume, "connection lost: " + e.Message, established);
                    }

                    if (message is null)
                    {
                        _closeCode = socket.CloseCode;
                        return Closed(socket.CloseCode, established);
                    }

                    switch (message.Op ?? -1)
                    {
                        case GatewayOpcodes.Hello:
                            var interval = TimeSpan.FromMilliseconds(Data(message, DiscordJsonContext.Default.GatewayHello)?.HeartbeatInterval ?? 41250);
                            heartbeats = HeartbeatAsync(socket, interval, heartbeat, connection);
                            _live = new LiveConnection(socket, connection.Token);
                            await socket.SendAsync(resuming ? ResumePayload() : IdentifyPayload(), connection.Token);
                            GiveTurnBack();

                            break;
                        case GatewayOpcodes.HeartbeatAck:
                            heartbeat.AwaitingAck = false;
                            break;
                        case GatewayOpcodes.Heartbeat:
                            await SendHeartbeatAsync(socket, heartbeat, connection.Token);
                            break;
                        case GatewayOpcodes.Reconnect:
                            await socket.CloseAsync(GatewayCloseCodes.ResumeLater, "reconnect requested");
                            return new ConnectionEnd(ConnectionNext.Resume, "Discord asked us to reconnect (op 7)", established);
                        case GatewayOpcodes.InvalidSession:
                            await socket.CloseAsync(GatewayCloseCodes.ResumeLater, "invalid session");
                            // Op 9's data is a bare boolean: whether the session can be resumed.
                            return message.D is { ValueKind: JsonValueKind.True }
                                ? new ConnectionEnd(ConnectionNext.Resume, "invalid session, resumable (op 9)", established)
                                : new ConnectionEnd(ConnectionNext.Identify, "invalid session (op 9)", established, InvalidSessionWait());
                        case GatewayOpcodes.Dispatch:
                            established |= Dispatch(message, cancellationToken);
                            break;
                        default:
                            break;
                    }
                }
            }
            finally
            {
                await connection.CancelAsync();
                if (heartbeats is not null)
                {
                    await heartbeats;
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    await socket.CloseAsync(1000, "shutting down");
                }
            }
        }
    }

    /// <summary>Closes with 1000 (the session ends, the bot shows offline at once); aborts if Discord does not answer the close.</summary>
    private static async Task CloseOnShutdownAsync(GatewaySocket socket, CancellationTokenSource connection)
    {
        await socket.CloseAsync(1000, "shutting down");
        try
        {
            connection.CancelAfter(TimeSpan.FromSeconds(2));
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended.
        }
    }

    /// <summary>Handles a dispatch; true when it established the connection (READY or RESUMED).</summary>
    private bool Dispatch(GatewayPayload message, CancellationToken cancellationToken)
    {
        if (message.S is { } sequence)
        {
            _session.Sequence = sequence;
        }

        switch (message.T)
        {
            case "READY":
                var ready = Data(message, DiscordJsonContext.Default.GatewayReady);
                var sessionId = ready?.SessionId;
                if (sessionId is not null && Uri.TryCreate(ready?.ResumeGatewayUrl, UriKind.Absolute, out var resume))
                {
                    _session.Start(sessionId, resume);
                }

                MarkConnected("Gateway ready");
                return true;
            case "RESUMED":
                MarkConnected("Gateway resumed");
                return true;
            case "INTERACTION_CREATE":
                Take(message, cancellationToken);
                return false;
            default:
                return false;
        }
    }

    /// <summary>The payload's data read as the record its opcode or event says it is; null when it is absent or another shape.</summary>
    private static T? Data<T>(GatewayPayload message, JsonTypeInfo<T> type)
        where T : class
    {
        if (message.D is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        try
        {
            return data.Deserialize(type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Answers an interaction once. One Discord sent that the bot cannot read is said in the log: someone is waiting on it.</summary>
    private void Take(GatewayPayload message, CancellationToken cancellationToken)
    {
        DiscordInteraction? interaction;
        try
        {
            interaction = message.D is { ValueKind: JsonValueKind.Object } data ? data.Deserialize(DiscordJsonContext.Default.DiscordInteraction) : null;
        }
        catch (JsonException e)
        {
            _logger.LogWarning("An interaction from the Gateway could not be read, so it was not answered: {Reason}", e.Message);
            return;
        }

        if (interaction is null)
        {
            _logger.LogWarning("An interaction from the Gateway came without its data, so it was not answered");
            return;
        }

        var id = interaction.Id ?? "";
        if (_seen.TryAdd(id))
        {
            _ = AnswerAsync(interaction, cancellationToken);
        }
        else
        {
            _logger.LogDebug("Interaction {Id} replayed after a resume: already answered", id);
        }
    }

    private async Task AnswerAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            await _interactions.HandleFromGatewayAsync(interaction, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            _logger.LogError(e, "An interaction from the Gateway could not be answered");
        }
    }

    private async Task HeartbeatAsync(GatewaySocket socket, TimeSpan interval, HeartbeatState state, CancellationTokenSource connection)
    {
        try
        {
            // Jitter spreads the first heartbeats of many clients, as Discord asks.
            await Task.Delay(interval * _random.NextDouble(), _time, connection.Token);
            while (!connection.IsCancellationRequested)
            {
                if (state.AwaitingAck)
                {
                    _logger.LogWarning("Discord did not acknowledge our last heartbeat: reconnecting");
                    state.Zombie = true;
                    await socket.CloseAsync(GatewayCloseCodes.ResumeLater, "heartbeat not acknowledged");
                    await connection.CancelAsync();
                    return;
                }

                await SendHeartbeatAsync(socket, state, connection.Token);
                await Task.Delay(interval, _time, connection.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is ending; the reader reports why.
        }
    }

    private async Task SendHeartbeatAsync(GatewaySocket socket, HeartbeatState state, CancellationToken cancellationToken)
    {
        state.AwaitingAck = true;
        var sequence = _session.Sequence;
        await socket.SendAsync(GatewayCommands.Heartbeat(sequence), cancellationToken);
    }

    private byte[] IdentifyPayload() => GatewayCommands.Identify(new GatewayIdentify(
        _options.BotToken,
        Intents: 0, // interactions arrive without any intent
        new GatewayIdentifyProperties(OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux", "ResultsBot", "ResultsBot"),
        Presence(_shown = _watching), // a new session shows the latest status from its first moment
        Shard?.ToIdentify()));

    /// <summary>Shows what the bot is watching: sent now when connected, else with the next Identify or after a resume.</summary>
    public void Show(string watching)
    {
        _watching = watching;
        if (_connected && _live is { } live)
        {
            _ = SendPresenceAsync(live);
        }
    }

    private async Task SendPresenceAsync(LiveConnection live)
    {
        var watching = _watching;
        if (watching == _shown)
        {
            return;
        }

        try
        {
            // Paced with every other send on the connection (GatewaySocket keeps within Discord's 120 a minute).
            await live.Socket.SendAsync(GatewayCommands.Presence(Presence(watching)!), live.Token);
            _shown = watching;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection ended meanwhile: the next one shows the latest status.
            _logger.LogDebug("Discord status not updated ({Reason}); it is shown on the next connection", ex.Message);
        }
    }

    /// <summary>"Watching 36 of 107 councils declared" (activity type 3), online; nothing before the first milestone.</summary>
    private static GatewayPresence? Presence(string? watching) =>
        watching is null ? null : new GatewayPresence(Since: null, [new GatewayActivity(watching, Type: 3)], "online", Afk: false);

    private sealed record LiveConnection(GatewaySocket Socket, CancellationToken Token);

    private byte[] ResumePayload() => GatewayCommands.Resume(new GatewayResume(_options.BotToken, _session.SessionId, _session.Sequence));

    private static ConnectionEnd Closed(int? code, bool established)
    {
        if (code is not { } closeCode)
        {
            return new ConnectionEnd(ConnectionNext.Resume, "connection closed without a code", established);
        }

        var reason = "closed by Discord: " + GatewayCloseCodes.Describe(closeCode);
        if (GatewayCloseCodes.IsFatal(closeCode))
        {
            return new ConnectionEnd(ConnectionNext.Stop, reason, established);
        }

        return new ConnectionEnd(GatewayCloseCodes.EndsSession(closeCode) ? ConnectionNext.Identify : ConnectionNext.Resume, reason, established);
    }

    /// <summary>
    /// The URL to identify on. GET /gateway/bot is asked before every fresh identify (they are rare): besides the
    /// URL it tells how many of the day's 1000 session starts are left, and going over would reset the token.
    /// </summary>
    private async Task<Uri> GatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (_options.GatewayUrl is { } fixedUrl)
        {
            return fixedUrl;
        }

        var answer = JsonSerializer.Deserialize(await _api.SendAsync(HttpMethod.Get, "/gateway/bot", null, authorised: true, cancellationToken), DiscordJsonContext.Default.GatewayBotInfo);
        if (answer?.SessionStartLimit is { Remaining: <= 0, ResetAfter: { } resetMs })
        {
            throw new IdentifyLimitException(TimeSpan.FromMilliseconds(resetMs));
        }

        var url = answer?.Url;
        return Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : throw new InvalidOperationException("GET /gateway/bot gave no url");
    }

    private static Uri WithQuery(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    private TimeSpan Backoff(int failures) => new Backoff(Timings.FirstBackoff, Timings.MaxBackoff).Delay(failures, _random);

    private TimeSpan InvalidSessionWait() =>
        Timings.InvalidSessionMin + ((Timings.InvalidSessionMax - Timings.InvalidSessionMin) * _random.NextDouble());

    private void MarkConnected(string detail)
    {
        if (_connected)
        {
            return; // a replayed READY is not news
        }

        if (_everConnected)
        {
            _monitor.Reconnected(Platform);
        }

        _everConnected = true;
        _monitor.ConnectionChanged(Platform, true, detail);
        _logger.LogInformation("Discord {Detail}{Shard}", detail, Shard is { } shard ? $" ({shard})" : "");
        _connected = true; // last: whoever sees Connected also sees the monitor told
        if (_live is { } live && _watching != _shown)
        {
            // A status set while disconnected, and a resumed session never re-identified with it.
            _ = SendPresenceAsync(live);
        }
    }

    private void MarkDisconnected(string reason)
    {
        if (_connected)
        {
            _connected = false;
            _monitor.ConnectionChanged(Platform, false, reason);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"DiscordGatewayClient {{ Connected = {Connected} }}");
}
