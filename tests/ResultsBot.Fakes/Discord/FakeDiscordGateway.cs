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
/// Sharded as Discord is: <see cref="Shards"/> in /gateway/bot, IDENTIFY's shard checked (4011 for too few shards,
/// 4010 for an invalid one), one session per shard, each guild's events sent to shard (guild_id &gt;&gt; 22) % shards and
/// DMs to shard 0 (to every connection identified on that shard, as two bots each running it would both get it), and, when <see cref="EnforceMaxConcurrency"/> is on, op 9 for an identify in a max_concurrency
/// bucket that identified less than five seconds before.
/// </summary>
public sealed class FakeDiscordGateway(FakeDiscordInteractions interactions, TimeProvider? time = null) : IFakeRoutes, IDisposable
{
    public const string IdentifyPath = "/gateway";
    public const string ResumePath = "/gateway-resume";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<int, ShardSession> _shards = new();
    private readonly ConcurrentDictionary<FakeDiscordGatewayConnection, byte> _live = new();
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly ConcurrentQueue<int> _clientCloseCodes = new();
    private readonly ConcurrentQueue<(int Shard, int Count)> _shardIdentifies = new();
    private readonly Dictionary<int, DateTimeOffset> _bucketIdentified = [];
    private readonly ConcurrentQueue<(int Bucket, DateTimeOffset At)> _turnsTaken = new();
    private int _concurrencyRefusals;
    private int _identifies;
    private int _resumes;
    private int _heartbeats;
    private int _gatewayBotRequests;
    private long _lastHeartbeatSequence = -1;
    private int _rateLimitCloses;
    private int _dropBeforeHello;

    /// <summary>Hello's heartbeat_interval; tests shorten it.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41250);

    /// <summary>False makes the gateway a zombie: heartbeats are read but never acknowledged.</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>On Resume, also resend this many events the client already had (Discord may; the client must not act twice).</summary>
    public int ReplayAlreadySeenOnResume { get; set; }

    /// <summary>The next this many connections are closed (1011) before Hello, as a failing Gateway node's would be.</summary>
    public int DropBeforeHello
    {
        get => Volatile.Read(ref _dropBeforeHello);
        set => Volatile.Write(ref _dropBeforeHello, value);
    }

    /// <summary>Session starts allowed (a day, on Discord); an Identify past it is refused with 4004, as a reset token would be.</summary>
    public int SessionStartLimit { get; set; } = 1000;

    /// <summary>The shard count /gateway/bot recommends, and the one IDENTIFY must use: fewer gets 4011 (sharding required).</summary>
    public int Shards { get; set; } = 1;

    /// <summary>session_start_limit.max_concurrency in /gateway/bot: how many buckets of shards may identify at once.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>On: an identify in a bucket (shard % max_concurrency) within 5 s of that bucket's last gets op 9, as Discord's does.</summary>
    public bool EnforceMaxConcurrency { get; set; }

    /// <summary>Identifies refused with op 9 for coming faster than max_concurrency allows.</summary>
    public int ConcurrencyRefusals => Volatile.Read(ref _concurrencyRefusals);

    /// <summary>
    /// While <see cref="EnforceMaxConcurrency"/> is on: every identify the pacing let through, in order, with its bucket and
    /// when it came (counted across every connection of the bot token, whichever instance opened it, as Discord does).
    /// </summary>
    public IReadOnlyList<(int Bucket, DateTimeOffset At)> IdentifyTurnsTaken => [.. _turnsTaken];

    /// <summary>Every accepted IDENTIFY's [shard_id, num_shards], in order ([0, 1] for one without a shard).</summary>
    public IReadOnlyList<(int Shard, int Count)> ShardIdentifies => [.. _shardIdentifies];

    /// <summary>Discord's routing: a guild's events go to shard (guild_id &gt;&gt; 22) % num_shards.</summary>
    public static int ShardOf(ulong guildId, int shards) => (int)((guildId >> 22) % (ulong)shards);

    /// <summary>Whether a client is connected and has identified or resumed on <paramref name="shard"/>.</summary>
    public bool IsShardReady(int shard) => _shards.TryGetValue(shard, out var session) && session.Current is { Ready: true, Open: true };

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

    /// <summary>Shard 0's session id (the only session of an unsharded bot).</summary>
    public string? SessionId => Session(0).SessionId;

    /// <summary>A client is connected and has identified or resumed on shard 0 (the only shard of an unsharded bot).</summary>
    public bool IsReady => IsShardReady(0);

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
                    shards = Shards,
                    session_start_limit = new { total = SessionStartLimit, remaining = Math.Max(0, SessionStartLimit - Identifies), reset_after = 86_400_000, max_concurrency = MaxConcurrency },
                });
        });
        app.Map(IdentifyPath, context => ServeAsync(context, IdentifyPath));
        app.Map(ResumePath, context => ServeAsync(context, ResumePath));
    }

    /// <summary>Sends INTERACTION_CREATE for <paramref name="exchange"/> (queued for replay when no client is ready).</summary>
    /// <remarks>It goes to the shard its guild maps to, or shard 0 when it has none (a DM).</remarks>
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
            Session(0).SessionId = null;
        }

        await SendToCurrentAsync(new JsonObject { ["op"] = 9, ["d"] = resumable });
    }

    /// <summary>Ends the session on the server side only (as a timeout would): a later Resume gets op 9 with d = false.</summary>
    public void ExpireSession() => Session(0).SessionId = null;

    /// <summary>Sends op 1: the client must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync() => SendToCurrentAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    /// <summary>Closes <paramref name="shard"/>'s current connection with <paramref name="code"/> (4000 resumable, 4004 fatal, 4011 sharding required...).</summary>
    public async Task CloseAsync(int code, string reason = "closed by the test", int shard = 0)
    {
        if (Session(shard).Current is { } connection)
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
        var shard = data["guild_id"]?.ToString() is { } guild && ulong.TryParse(guild, NumberStyles.None, CultureInfo.InvariantCulture, out var guildId) ? ShardOf(guildId, Shards) : 0;
        await _gate.WaitAsync();
        try
        {
            var session = Session(shard);
            var payload = session.NextEvent(type, data);
            // Every session identified on the shard gets it: two bots that both run a shard both answer.
            foreach (var connection in _live.Keys.Where(c => c.Ready && c.Shard == shard))
            {
                await connection.SendAsync(payload);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private ShardSession Session(int shard) => _shards.GetOrAdd(shard, _ => new ShardSession());

    private async Task SendToCurrentAsync(JsonObject payload)
    {
        if (Session(0).Current is { } connection)
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

        if (TakeOne(ref _dropBeforeHello))
        {
            await connection.CloseAsync(1011, "Internal error.");
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
            _live.TryRemove(connection, out _);
            foreach (var session in _shards.Values)
            {
                Interlocked.CompareExchange(ref session.Current, null, connection);
            }
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

        var (shard, count) = (0, 1);
        if (identify["shard"] is { } shardField)
        {
            if (shardField is not JsonArray { Count: 2 } pair || pair[0] is not JsonValue i || !i.TryGetValue<int>(out shard)
                || pair[1] is not JsonValue c || !c.TryGetValue<int>(out count) || count < 1 || shard < 0 || shard >= count)
            {
                await connection.CloseAsync(4010, "Invalid shard.");
                return false;
            }
        }

        if (count < Shards)
        {
            await connection.CloseAsync(4011, "Sharding required.");
            return false;
        }

        if (count > Shards)
        {
            // Discord would take it, but this fake routes by its own count only: a test that means it sets Shards.
            await connection.CloseAsync(4010, "Invalid shard.");
            return false;
        }

        if (!TakeIdentifyTurn(shard))
        {
            Interlocked.Increment(ref _concurrencyRefusals);
            await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
            return true;
        }

        await _gate.WaitAsync();
        try
        {
            Interlocked.Increment(ref _identifies);
            _shardIdentifies.Enqueue((shard, count));
            LastIdentify = identify;
            var session = Session(shard);
            session.Start();
            connection.Shard = shard;
            var ready = session.NextEvent("READY", new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = interactions.ApplicationId, ["username"] = "ResultsBot", ["discriminator"] = "0", ["bot"] = true },
                ["guilds"] = new JsonArray(),
                ["session_id"] = session.SessionId,
                ["resume_gateway_url"] = $"ws://{context.Request.Host}{ResumePath}",
                ["shard"] = new JsonArray(shard, count),
                ["application"] = new JsonObject { ["id"] = interactions.ApplicationId, ["flags"] = 0 },
            });
            connection.Ready = true;
            session.Current = connection;
            _live[connection] = 0;
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
            var (resumedShard, session) = _shards.FirstOrDefault(s => s.Value.SessionId is not null && s.Value.SessionId == resume["session_id"]?.ToString());
            if (session is null)
            {
                // Docs: a session that cannot be resumed gets op 9 with d = false.
                await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
                return true;
            }

            var seen = resume["seq"] is JsonValue s && s.TryGetValue<long>(out var seq) ? seq : 0;
            if (seen > session.Sequence)
            {
                await connection.CloseAsync(4007, "Invalid seq.");
                return false;
            }

            Interlocked.Increment(ref _resumes);
            var from = Math.Max(0, seen - ReplayAlreadySeenOnResume);
            // READY and RESUMED are this session's handshakes, not events to replay.
            foreach (var missed in session.Events.Where(e => e["s"]!.GetValue<long>() > from && e["t"]!.GetValue<string>() is not ("READY" or "RESUMED")).ToList())
            {
                await connection.SendAsync(missed);
            }

            var resumed = session.NextEvent("RESUMED", []);
            connection.Ready = true;
            connection.Shard = resumedShard;
            session.Current = connection;
            _live[connection] = 0;
            await connection.SendAsync(resumed);
        }
        finally
        {
            _gate.Release();
        }

        return true;
    }

    /// <summary>Counts one off <paramref name="left"/> when any is left; false when none is.</summary>
    private static bool TakeOne(ref int left)
    {
        var seen = Volatile.Read(ref left);
        while (seen > 0)
        {
            var before = Interlocked.CompareExchange(ref left, seen - 1, seen);
            if (before == seen)
            {
                return true;
            }

            seen = before;
        }

        return false;
    }

    /// <summary>Takes the identify turn of <paramref name="shard"/>'s max_concurrency bucket, or false when it was taken under 5 s ago.</summary>
    private bool TakeIdentifyTurn(int shard)
    {
        if (!EnforceMaxConcurrency)
        {
            return true;
        }

        lock (_bucketIdentified)
        {
            var bucket = shard % Math.Max(1, MaxConcurrency);
            var now = _time.GetUtcNow();
            if (_bucketIdentified.TryGetValue(bucket, out var last) && now - last < TimeSpan.FromSeconds(5))
            {
                return false;
            }

            _bucketIdentified[bucket] = now;
            _turnsTaken.Enqueue((bucket, now));
            return true;
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>One shard's session: its connection, its events (for resumes), its sequence.</summary>
    private sealed class ShardSession
    {
        public FakeDiscordGatewayConnection? Current;

        public List<JsonObject> Events { get; } = [];

        public long Sequence { get; private set; }

        public string? SessionId { get; set; }

        public void Start()
        {
            Events.Clear();
            Sequence = 0;
            SessionId = Guid.NewGuid().ToString("N");
        }

        public JsonObject NextEvent(string type, JsonObject data)
        {
            var payload = new JsonObject { ["op"] = 0, ["s"] = ++Sequence, ["t"] = type, ["d"] = data };
            Events.Add(payload);
            return payload;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"FakeDiscordGateway {{ Identifies = {Identifies}, Resumes = {Resumes}, Paths = [{string.Join(", ", ConnectionPaths)}] }}");
}
