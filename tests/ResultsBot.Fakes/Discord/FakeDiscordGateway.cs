using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ResultsBot.Fakes.Discord;

/// <summary>
/// Discord's Gateway for one bot, as the docs describe it: GET /api/v10/gateway/bot, Hello with a settable
/// heartbeat interval, heartbeat ACKs, Identify → READY (session_id, resume_gateway_url on a separate path),
/// Resume → missed events replayed then RESUMED, and on demand: op 7 Reconnect, op 9 Invalid Session, a close
/// with any code, or silence instead of ACKs (a zombie). Closes with 4008 past 120 client sends per 60 s.
/// </summary>
public sealed class FakeDiscordGateway(FakeDiscordInteractions interactions, TimeProvider? time = null) : IFakeRoutes, IDisposable
{
    public const string IdentifyPath = "/gateway";
    public const string ResumePath = "/gateway-resume";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<JsonObject> _events = [];
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly ConcurrentQueue<int> _clientCloseCodes = new();
    private FakeDiscordGatewayConnection? _current;
    private long _sequence;
    private int _identifies;
    private int _resumes;
    private int _heartbeats;
    private int _gatewayBotRequests;
    private long _lastHeartbeatSequence = -1;
    private int _rateLimitCloses;

    /// <summary>Hello's heartbeat_interval; tests shorten it.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41250);

    /// <summary>False makes the gateway a zombie: heartbeats are read but never acknowledged.</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>On Resume, also resend this many events the client already had (Discord may; the client must not act twice).</summary>
    public int ReplayAlreadySeenOnResume { get; set; }

    /// <summary>Session starts allowed (a day, on Discord); an Identify past it is refused with 4004, as a reset token would be.</summary>
    public int SessionStartLimit { get; set; } = 1000;

    public int GatewayBotRequests => Volatile.Read(ref _gatewayBotRequests);

    public int Identifies => Volatile.Read(ref _identifies);

    public int Resumes => Volatile.Read(ref _resumes);

    public int HeartbeatsReceived => Volatile.Read(ref _heartbeats);

    /// <summary>The sequence number the client's last heartbeat carried (-1 for null): shows which events it has processed.</summary>
    public long LastHeartbeatSequence => Interlocked.Read(ref _lastHeartbeatSequence);

    public int RateLimitCloses => Volatile.Read(ref _rateLimitCloses);

    /// <summary>The path of every connection in order: <see cref="IdentifyPath"/> or <see cref="ResumePath"/>.</summary>
    public IReadOnlyList<string> ConnectionPaths => [.. _paths];

    /// <summary>Close codes the client closed with, in order.</summary>
    public IReadOnlyList<int> ClientCloseCodes => [.. _clientCloseCodes];

    public JsonObject? LastIdentify { get; private set; }

    private readonly System.Collections.Concurrent.ConcurrentQueue<JsonObject> _presences = new();

    /// <summary>Every Presence Update (op 3) the bot sent, in order.</summary>
    public IReadOnlyList<JsonObject> Presences => [.. _presences];

    /// <summary>
    /// Why a Gateway Presence Update (op 3's d, or Identify's presence) is not as the docs describe it, or null:
    /// since a number or null, activities a list of {name, type 0-5}, a known status, afk a boolean.
    /// </summary>
    public static string? PresenceProblem(JsonNode? presence)
    {
        if (presence is not JsonObject d)
        {
            return "presence: must be an object";
        }

        if (d["since"] is { } since && !(since is JsonValue s && s.TryGetValue<long>(out _)))
        {
            return "since: must be null or a number";
        }

        if (d["activities"] is not JsonArray activities
            || activities.Any(a => a is not JsonObject activity || activity["name"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
                || !(activity["type"] is JsonValue t && t.TryGetValue<int>(out var type) && type is >= 0 and <= 5)))
        {
            return "activities: must be a list of {name, type 0-5}";
        }

        if (d["status"]?.ToString() is not ("online" or "dnd" or "idle" or "invisible" or "offline"))
        {
            return "status: must be online, dnd, idle, invisible or offline";
        }

        return d["afk"]?.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? null : "afk: must be a boolean";
    }

    public string? SessionId { get; private set; }

    /// <summary>A client is connected and has identified or resumed.</summary>
    public bool IsReady => _current is { Ready: true, Open: true };

    public void Map(WebApplication app)
    {
        app.MapGet("/api/v10/gateway/bot", (HttpContext context) =>
        {
            Interlocked.Increment(ref _gatewayBotRequests);
            return context.Request.Headers.Authorization.ToString() != "Bot " + interactions.BotToken
                ? Results.Json(new { code = 0, message = "401: Unauthorized" }, statusCode: 401)
                : Results.Json(new
                {
                    url = $"ws://{context.Request.Host}{IdentifyPath}",
                    shards = 1,
                    session_start_limit = new { total = SessionStartLimit, remaining = Math.Max(0, SessionStartLimit - Identifies), reset_after = 86_400_000, max_concurrency = 1 },
                });
        });
        app.Map(IdentifyPath, context => ServeAsync(context, IdentifyPath));
        app.Map(ResumePath, context => ServeAsync(context, ResumePath));
    }

    /// <summary>Sends INTERACTION_CREATE for <paramref name="exchange"/> (queued for replay when no client is ready).</summary>
    public Task InjectAsync(FakeDiscordInteractionsExchange exchange) => DispatchAsync("INTERACTION_CREATE", exchange.Payload.DeepClone().AsObject());

    /// <summary>Sends INTERACTION_CREATE with <paramref name="data"/> as it is, well formed or not (a test of what the client makes of a bad one).</summary>
    public Task InjectRawInteractionAsync(JsonObject data) => DispatchAsync("INTERACTION_CREATE", data);

    /// <summary>Sends op 7: the client should reconnect and resume.</summary>
    public Task SendReconnectAsync() => SendToCurrentAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    /// <summary>Sends op 9. Not resumable: the session is forgotten, so only a fresh Identify works.</summary>
    public async Task SendInvalidSessionAsync(bool resumable)
    {
        if (!resumable)
        {
            SessionId = null;
        }

        await SendToCurrentAsync(new JsonObject { ["op"] = 9, ["d"] = resumable });
    }

    /// <summary>Ends the session on the server side only (as a timeout would): a later Resume gets op 9 with d = false.</summary>
    public void ExpireSession() => SessionId = null;

    /// <summary>Sends op 1: the client must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync() => SendToCurrentAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    /// <summary>Closes the current connection with <paramref name="code"/> (4000 resumable, 4004 fatal...).</summary>
    public async Task CloseAsync(int code, string reason = "closed by the test")
    {
        if (_current is { } connection)
        {
            await connection.CloseAsync(code, reason);
        }
    }

    /// <summary>Waits (polling) until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }

            await Task.Delay(20);
        }
    }

    private async Task DispatchAsync(string type, JsonObject data)
    {
        await _gate.WaitAsync();
        try
        {
            var payload = NextEvent(type, data);
            if (_current is { Ready: true } connection)
            {
                await connection.SendAsync(payload);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private JsonObject NextEvent(string type, JsonObject data)
    {
        var payload = new JsonObject { ["op"] = 0, ["s"] = ++_sequence, ["t"] = type, ["d"] = data };
        _events.Add(payload);
        return payload;
    }

    private async Task SendToCurrentAsync(JsonObject payload)
    {
        if (_current is { } connection)
        {
            await connection.SendAsync(payload);
        }
    }

    private async Task ServeAsync(HttpContext context, string path)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new FakeDiscordGatewayConnection(socket, path, _time);
        _paths.Enqueue(path);
        if (context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
        {
            await connection.CloseAsync(4012, "Invalid API version");
            return;
        }

        await connection.SendAsync(new JsonObject { ["op"] = 10, ["s"] = null, ["t"] = null, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatInterval.TotalMilliseconds } });
        try
        {
            await ReadAsync(context, connection);
        }
        finally
        {
            if (connection.ClientCloseCode is { } code)
            {
                _clientCloseCodes.Enqueue(code);
            }

            connection.Ready = false;
            Interlocked.CompareExchange(ref _current, null, connection);
        }
    }

    private async Task ReadAsync(HttpContext context, FakeDiscordGatewayConnection connection)
    {
        while (await connection.ReceiveAsync(context.RequestAborted) is { } text)
        {
            if (!connection.CountSend())
            {
                Interlocked.Increment(ref _rateLimitCloses);
                await connection.CloseAsync(4008, "Rate limited.");
                return;
            }

            JsonObject? message;
            try
            {
                message = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                message = null;
            }

            var op = message?["op"] is JsonValue o && o.TryGetValue<int>(out var code) ? code : -1;
            switch (op)
            {
                case 1:
                    Interlocked.Exchange(ref _lastHeartbeatSequence, message!["d"] is JsonValue d && d.TryGetValue<long>(out var last) ? last : -1);
                    Interlocked.Increment(ref _heartbeats);
                    if (AckHeartbeats)
                    {
                        await connection.SendAsync(new JsonObject { ["op"] = 11 });
                    }

                    break;
                case 2:
                    if (!await IdentifyAsync(context, connection, message!["d"] as JsonObject))
                    {
                        return;
                    }

                    break;
                case 3:
                    if (!connection.Ready)
                    {
                        await connection.CloseAsync(4003, "Not authenticated.");
                        return;
                    }

                    if (PresenceProblem(message!["d"]) is not null)
                    {
                        await connection.CloseAsync(4002, "Error while decoding payload.");
                        return;
                    }

                    _presences.Enqueue((JsonObject)message["d"]!.DeepClone());
                    break;
                case 6:
                    if (!await ResumeAsync(connection, message!["d"] as JsonObject))
                    {
                        return;
                    }

                    break;
                case -1:
                    await connection.CloseAsync(4002, "Error while decoding payload.");
                    return;
                default:
                    if (!connection.Ready)
                    {
                        await connection.CloseAsync(4003, "Not authenticated.");
                        return;
                    }

                    break;
            }
        }
    }

    private async Task<bool> IdentifyAsync(HttpContext context, FakeDiscordGatewayConnection connection, JsonObject? identify)
    {
        if (connection.Ready)
        {
            await connection.CloseAsync(4005, "Already authenticated.");
            return false;
        }

        if (identify?["token"]?.ToString() != interactions.BotToken || Identifies >= SessionStartLimit)
        {
            await connection.CloseAsync(4004, "Authentication failed.");
            return false;
        }

        if (identify["intents"] is not JsonValue intents || !intents.TryGetValue<long>(out var bits) || bits < 0)
        {
            await connection.CloseAsync(4013, "Invalid intent(s).");
            return false;
        }

        if (identify["presence"] is { } presence && PresenceProblem(presence) is not null)
        {
            await connection.CloseAsync(4002, "Error while decoding payload.");
            return false;
        }

        await _gate.WaitAsync();
        try
        {
            Interlocked.Increment(ref _identifies);
            LastIdentify = identify;
            _events.Clear();
            _sequence = 0;
            SessionId = Guid.NewGuid().ToString("N");
            var ready = NextEvent("READY", new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = interactions.ApplicationId, ["username"] = "ResultsBot", ["discriminator"] = "0", ["bot"] = true },
                ["guilds"] = new JsonArray(),
                ["session_id"] = SessionId,
                ["resume_gateway_url"] = $"ws://{context.Request.Host}{ResumePath}",
                ["shard"] = new JsonArray(0, 1),
                ["application"] = new JsonObject { ["id"] = interactions.ApplicationId, ["flags"] = 0 },
            });
            connection.Ready = true;
            _current = connection;
            await connection.SendAsync(ready);
        }
        finally
        {
            _gate.Release();
        }

        return true;
    }

    private async Task<bool> ResumeAsync(FakeDiscordGatewayConnection connection, JsonObject? resume)
    {
        if (resume?["token"]?.ToString() != interactions.BotToken)
        {
            await connection.CloseAsync(4004, "Authentication failed.");
            return false;
        }

        await _gate.WaitAsync();
        try
        {
            if (SessionId is null || resume["session_id"]?.ToString() != SessionId)
            {
                // Docs: a session that cannot be resumed gets op 9 with d = false.
                await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
                return true;
            }

            var seen = resume["seq"] is JsonValue s && s.TryGetValue<long>(out var seq) ? seq : 0;
            if (seen > _sequence)
            {
                await connection.CloseAsync(4007, "Invalid seq.");
                return false;
            }

            Interlocked.Increment(ref _resumes);
            var from = Math.Max(0, seen - ReplayAlreadySeenOnResume);
            // READY and RESUMED are this session's handshakes, not events to replay.
            foreach (var missed in _events.Where(e => e["s"]!.GetValue<long>() > from && e["t"]!.GetValue<string>() is not ("READY" or "RESUMED")).ToList())
            {
                await connection.SendAsync(missed);
            }

            var resumed = NextEvent("RESUMED", []);
            connection.Ready = true;
            _current = connection;
            await connection.SendAsync(resumed);
        }
        finally
        {
            _gate.Release();
        }

        return true;
    }

    public void Dispose() => _gate.Dispose();

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"FakeDiscordGateway {{ Identifies = {Identifies}, Resumes = {Resumes}, Paths = [{string.Join(", ", ConnectionPaths)}] }}");
}
