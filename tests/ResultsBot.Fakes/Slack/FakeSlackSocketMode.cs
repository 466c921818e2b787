using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// Slack's Socket Mode, as its docs describe it: POST /api/apps.connections.open with the app-level token
/// gives a one-time WebSocket URL on this server; the socket says hello, delivers envelopes and expects
/// each to be acked by envelope_id (unacked ones come again with retry_attempt raised); on demand it sends
/// disconnect (and closes after a grace period) or goes silent. Its response_urls are served here too.
/// An app may hold up to ten connections at once (several instances of one app, each with its own): each envelope
/// goes to one of them, in turn, and one not acked in time goes again to another; an eleventh connection is told
/// disconnect with reason too_many_websockets and closed, as Slack's clients see it.
/// </summary>
public sealed class FakeSlackSocketMode : IFakeRoutes
{
    public const string AppId = "A0FAKEAPP01";

    private readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeSlackSocketEnvelope> _envelopes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeSlackSocketEnvelope> _pending = new();
    private readonly ConcurrentQueue<FakeSlackSocketAck> _acks = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly Lock _gate = new();
    private readonly List<FakeSlackSocketConnection> _connections = [];
    private Uri? _baseUrl;
    private int _opened;
    private int _greeted;
    private int _openCalls;
    private int _envelopeNumber;
    private int _turn;
    private int _refused;

    public FakeSlackSocketMode(string appToken = "xapp-1-A0FAKEAPP01-1234-fakeapptoken", FakeSlackResponseUrls? responseUrls = null)
    {
        AppToken = appToken;
        ResponseUrls = responseUrls ?? new FakeSlackResponseUrls();
    }

    public string AppToken { get; }

    public FakeSlackResponseUrls ResponseUrls { get; }

    /// <summary>An envelope not acked within this is delivered again (Slack: 3 seconds).</summary>
    public TimeSpan RedeliverAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times an unacked envelope is delivered again before the fake gives up on it.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>How many connections the app may hold at once (Slack: 10); one more is refused.</summary>
    public int MaxConnections { get; set; } = 10;

    /// <summary>Connections refused because the app already held <see cref="MaxConnections"/>.</summary>
    public int ConnectionsRefused => Volatile.Read(ref _refused);

    /// <summary>How long a connection stays open after its disconnect message (Slack: about 10 seconds).</summary>
    public TimeSpan DisconnectGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Calls to apps.connections.open that got a URL.</summary>
    public int ConnectionsOpenCalls => Volatile.Read(ref _openCalls);

    /// <summary>WebSockets accepted so far.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _opened);

    /// <summary>WebSockets that have been sent hello so far.</summary>
    public int ConnectionsGreeted => Volatile.Read(ref _greeted);

    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count(c => !c.Closed);
            }
        }
    }

    public IReadOnlyList<FakeSlackSocketAck> Acks => [.. _acks];

    /// <summary>Protocol mistakes seen from clients (frames that are not JSON…); a good client leaves this empty.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    public void Map(WebApplication app)
    {
        app.MapPost("/api/apps.connections.open", OpenAsync);
        app.Map("/link", AcceptAsync);
        ResponseUrls.Map(app);
    }

    /// <summary>Waits until <paramref name="count"/> connections in all have been greeted with hello.</summary>
    public Task WaitForConnectionsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => ConnectionsGreeted >= count, timeout, $"{count} greeted connection(s)");

    /// <summary>Queues a slash command envelope and delivers it to the next live connection in turn (or the next one to say hello).</summary>
    /// <param name="acceptsResponsePayload">False to make the client answer at response_url instead of in the ack.</param>
    public FakeSlackSocketEnvelope InjectSlashCommand(FakeSlackSlashCommand command, bool acceptsResponsePayload = true)
    {
        var baseUrl = _baseUrl ?? throw new InvalidOperationException("No client has called apps.connections.open yet, so the fake does not know its own address");
        var responseUrl = ResponseUrls.Create(baseUrl);
        var payload = new JsonObject();
        foreach (var (name, value) in command.Fields(responseUrl, $"{Interlocked.Increment(ref _envelopeNumber)}.1234567890.fake"))
        {
            payload[name] = value;
        }

        return Inject("slash_commands", payload, responseUrl, acceptsResponsePayload);
    }

    /// <summary>
    /// Queues an interactive envelope carrying <paramref name="payload"/> (a block_actions press, see
    /// <see cref="FakeSlackBlockActions"/>): the ack carries nothing; the answer goes to the payload's response_url.
    /// </summary>
    public FakeSlackSocketEnvelope InjectInteractive(JsonObject payload) =>
        Inject("interactive", payload, Uri.TryCreate((string?)payload["response_url"], UriKind.Absolute, out var url) ? url : null, acceptsResponsePayload: false);

    /// <summary>A fresh response_url on this fake, as Slack makes one for each interaction.</summary>
    public Uri NewResponseUrl() => ResponseUrls.Create(_baseUrl ?? throw new InvalidOperationException("No client has called apps.connections.open yet, so the fake does not know its own address"));

    /// <summary>A fresh response_url for a button pressed on <paramref name="message"/> (see <see cref="FakeSlackResponseUrls.CreateForPress"/>).</summary>
    public Uri NewResponseUrlFor(JsonElement message, bool ephemeral) =>
        ResponseUrls.CreateForPress(_baseUrl ?? throw new InvalidOperationException("No client has called apps.connections.open yet, so the fake does not know its own address"), message, ephemeral);

    /// <summary>Queues an events_api envelope (e.g. "app_mention"): a client should ack it and do nothing else.</summary>
    public FakeSlackSocketEnvelope InjectEvent(string eventType) =>
        Inject("events_api", new JsonObject
        {
            ["type"] = "event_callback",
            ["api_app_id"] = AppId,
            ["event"] = new JsonObject { ["type"] = eventType, ["user"] = "U0FAKEUSER", ["text"] = "hello" },
        }, null, acceptsResponsePayload: false);

    /// <summary>
    /// Queues app_home_opened for <paramref name="userId"/> opening the app's Home tab (tab "home"; "messages" for the
    /// Messages tab), shaped as Slack's event reference shows it, inside an events_api envelope.
    /// </summary>
    public FakeSlackSocketEnvelope InjectAppHomeOpened(string userId, string tab = "home") =>
        Inject("events_api", new JsonObject
        {
            ["token"] = "verification-token-unused",
            ["team_id"] = "T0FAKETEAM",
            ["api_app_id"] = AppId,
            ["type"] = "event_callback",
            ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            ["event_time"] = 1714700000,
            ["event"] = new JsonObject
            {
                ["type"] = "app_home_opened",
                ["user"] = userId,
                ["channel"] = "D0FAKEDM01",
                ["tab"] = tab,
                ["event_ts"] = "1714700000.000100",
            },
        }, null, acceptsResponsePayload: false);

    /// <summary>Delivers an envelope again with retry_attempt raised, as Slack does when an ack is lost or late.</summary>
    public Task RedeliverAsync(FakeSlackSocketEnvelope envelope) => DeliverAsync(envelope, null);

    /// <summary>Sends {"type":"disconnect","reason":…} on every live connection and closes each after <see cref="DisconnectGrace"/>.</summary>
    public async Task SendDisconnectAsync(string reason)
    {
        foreach (var connection in Snapshot().Where(c => c.Live && !c.Draining))
        {
            connection.Draining = true;
            var frame = new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "applink-fake" } };
            await connection.SendAsync(frame.ToJsonString());
            _ = CloseLaterAsync(connection);
        }
    }

    /// <summary>Every live connection stops reading and writing (no frames, no pongs) without closing.</summary>
    public void GoSilent()
    {
        foreach (var connection in Snapshot().Where(c => c.Live))
        {
            connection.GoSilent();
        }
    }

    internal void RecordAck(string envelopeId, int connectionNumber, JsonElement? payload)
    {
        var ack = new FakeSlackSocketAck(envelopeId, connectionNumber, TimeProvider.System.GetUtcNow(), payload);
        _acks.Enqueue(ack);
        if (_envelopes.TryGetValue(envelopeId, out var envelope))
        {
            envelope.RecordAck(ack);
        }
        else
        {
            _problems.Enqueue($"connection {connectionNumber} acked an envelope the fake never sent: {envelopeId}");
        }
    }

    internal void RecordProblem(string problem) => _problems.Enqueue(problem);

    internal void Forget(FakeSlackSocketConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout, string what)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            try
            {
                await Task.Delay(20, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }
        }
    }

    private async Task OpenAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (token is null && context.Request.HasFormContentType)
        {
            token = (await context.Request.ReadFormAsync()).TryGetValue("token", out var form) ? form.ToString() : null;
        }

        if (string.IsNullOrEmpty(token) || token != AppToken)
        {
            await context.Response.WriteAsJsonAsync(new { ok = false, error = string.IsNullOrEmpty(token) ? "not_authed" : "invalid_auth" });
            return;
        }

        _baseUrl = new Uri($"{context.Request.Scheme}://{context.Request.Host}");
        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tickets[ticket] = true;
        Interlocked.Increment(ref _openCalls);
        var url = $"ws://{context.Request.Host}/link/?ticket={ticket}&app_id={AppId}";
        await context.Response.WriteAsJsonAsync(new { ok = true, url });
    }

    private async Task AcceptAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        if (!_tickets.TryRemove(ticket, out _))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (upgrade is null || !upgrade.IsUpgradableRequest || key.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The handshake by hand (RFC 6455 §4.2.2), so the fake owns the stream under the socket and can silence it.
#pragma warning disable CA5350 // RFC 6455 prescribes SHA-1 for Sec-WebSocket-Accept; it is not used for security here.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.SecWebSocketAccept = accept;
        var stream = new FakeSlackSocketStream(await upgrade.UpgradeAsync());
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        using var connection = new FakeSlackSocketConnection(socket, stream, Interlocked.Increment(ref _opened), this);
        int open;
        bool refused;
        lock (_gate)
        {
            open = _connections.Count(c => !c.Closed);
            refused = open >= MaxConnections;
            if (!refused)
            {
                _connections.Add(connection);
                open++;
            }
        }

        if (refused)
        {
            Interlocked.Increment(ref _refused);
            var refusal = new JsonObject { ["type"] = "disconnect", ["reason"] = "too_many_websockets", ["debug_info"] = new JsonObject { ["host"] = "applink-fake" } };
            await connection.SendAsync(refusal.ToJsonString());
            await connection.CloseAsync();
            return;
        }

        var running = connection.RunAsync(context.RequestAborted);
        var hello = new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = open,
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = AppId },
        };
        await connection.SendAsync(hello.ToJsonString());
        connection.Greeted = true;
        Interlocked.Increment(ref _greeted);
        await FlushPendingAsync();
        await running;
    }

    private FakeSlackSocketEnvelope Inject(string type, JsonObject payload, Uri? responseUrl, bool acceptsResponsePayload)
    {
        var envelope = new FakeSlackSocketEnvelope(Guid.NewGuid().ToString(), type, payload, responseUrl, acceptsResponsePayload);
        _envelopes[envelope.EnvelopeId] = envelope;
        _ = DeliverAsync(envelope);
        return envelope;
    }

    /// <param name="tried">The connection it last went to unanswered: another gets it this time, when there is one.</param>
    private async Task DeliverAsync(FakeSlackSocketEnvelope envelope, FakeSlackSocketConnection? tried = null)
    {
        var connection = Pick(tried);
        if (connection is null)
        {
            _pending.Enqueue(envelope);
            return;
        }

        var attempt = envelope.NextAttempt();
        envelope.SentTo(connection.Number);
        if (!await connection.SendAsync(envelope.Frame(attempt)))
        {
            _pending.Enqueue(envelope);
            return;
        }

        await Task.WhenAny(envelope.Acked, Task.Delay(RedeliverAfter));
        if (!envelope.IsAcked && attempt < MaxRetries)
        {
            await DeliverAsync(envelope, connection);
        }
    }

    private async Task FlushPendingAsync()
    {
        while (_pending.TryDequeue(out var envelope))
        {
            _ = DeliverAsync(envelope);
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// The next in turn of the live connections that have not been told to go (other than <paramref name="tried"/>,
    /// unless it is the only one); failing those, the newest draining one.
    /// </summary>
    private FakeSlackSocketConnection? Pick(FakeSlackSocketConnection? tried)
    {
        var live = Snapshot().Where(c => c.Live).OrderBy(c => c.Number).ToList();
        var staying = live.Where(c => !c.Draining).ToList();
        var others = staying.Where(c => c != tried).ToList();
        var candidates = others.Count > 0 ? others : staying;
        if (candidates.Count > 0)
        {
            return candidates[(int)((uint)Interlocked.Increment(ref _turn) % (uint)candidates.Count)];
        }

        return live.LastOrDefault();
    }

    private List<FakeSlackSocketConnection> Snapshot()
    {
        lock (_gate)
        {
            return [.. _connections];
        }
    }

    private async Task CloseLaterAsync(FakeSlackSocketConnection connection)
    {
        await Task.Delay(DisconnectGrace);
        await connection.CloseAsync();
    }
}
