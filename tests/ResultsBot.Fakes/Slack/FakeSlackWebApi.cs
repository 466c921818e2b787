using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// Slack's Web API on loopback at /api/{method}, as Slack's docs and its OpenAPI file describe it:
/// bearer-token auth, ok/error answers with HTTP 200, Block Kit limits, per-channel pacing with 429 +
/// Retry-After, messages stored per channel with threads and edits. Switches make it fail the ways Slack does.
/// Methods: auth.test, chat.postMessage, chat.update, chat.postEphemeral, conversations.history, conversations.replies,
/// files.getUploadURLExternal and files.completeUploadExternal (with the upload URL they lead to).
/// </summary>
public sealed partial class FakeSlackWebApi : IFakeRoutes
{
    public const string DefaultToken = "xoxb-fake-0000-bot-token";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeSlackChannel> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _channelTeams = new(StringComparer.Ordinal); // channels of OAuth workspaces; the rest are TeamId's
    private readonly List<string> _warnings = [];
    private readonly List<JsonObject> _ephemerals = [];
    private readonly TimeProvider _time;
    private long _lastTsMicros;
    private int _stormLeft;
    private int _rateLimited;

    /// <param name="time">Clock for ts values and pacing; the system clock when null.</param>
    public FakeSlackWebApi(string botToken = DefaultToken, TimeProvider? time = null)
    {
        BotToken = botToken;
        _time = time ?? TimeProvider.System;
    }

    public string BotToken { get; }

    public string TeamId { get; } = "T0FAKETEAM";

    public string BotUserId { get; } = "U0FAKEBOT";

    public string BotId { get; } = "B0FAKEBOT";

    /// <summary>Messages one channel takes at once before the pace applies (Slack allows "short bursts").</summary>
    public int PerChannelBurst { get; init; } = 3;

    /// <summary>One more message per channel per this interval (Slack: about one a second).</summary>
    public TimeSpan PerChannelRefill { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Retry-After (seconds) on every 429 served.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    // Fault switches.

    /// <summary>Every call answers 503 (as when Slack is down).</summary>
    public bool ServerErrors { get; set; }

    /// <summary>Every call hangs until the client gives up.</summary>
    public bool Hang { get; set; }

    /// <summary>Every call answers invalid_auth, whatever the token (as after a token is revoked).</summary>
    public bool InvalidAuth { get; set; }

    /// <summary>Every message with blocks gets invalid_blocks (to test how a refused body is handled).</summary>
    public bool RejectAllBlocks { get; set; }

    /// <summary>The next <paramref name="calls"/> calls (any method) get 429 with Retry-After.</summary>
    public void StartRateLimitStorm(int calls)
    {
        lock (_gate)
        {
            _stormLeft = calls;
        }
    }

    /// <summary>How many 429s the fake has served (storm and pacing together).</summary>
    public int RateLimitedCount => Volatile.Read(ref _rateLimited);

    /// <summary>Warnings Slack would put in response_metadata.warnings (missing_charset, missing_text…).</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_gate)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary>Makes channels exist with the bot as a member.</summary>
    public FakeSlackWebApi AddChannels(params string[] ids)
    {
        lock (_gate)
        {
            foreach (var id in ids)
            {
                _channels.TryAdd(id, new FakeSlackChannel(id, new FakeSlackPace(PerChannelBurst, PerChannelRefill)));
            }
        }

        return this;
    }

    public void ArchiveChannel(string id) => Change(id, c => c.Archived = true);

    public void DeleteChannel(string id) => Change(id, c => c.Deleted = true);

    public void RemoveBotFromChannel(string id) => Change(id, c => c.BotIsMember = false);

    /// <summary>Top-level messages of a channel, oldest first, as last edited.</summary>
    public IReadOnlyList<FakeSlackMessage> Messages(string channel)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channel, out var c) ? [.. c.Messages.Where(m => !m.IsReply)] : [];
        }
    }

    /// <summary>Replies in a thread, oldest first.</summary>
    public IReadOnlyList<FakeSlackMessage> Replies(string channel, string threadTs)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channel, out var c) ? [.. c.Messages.Where(m => m.IsReply && m.ThreadTs == threadTs)] : [];
        }
    }

    /// <summary>Ephemeral messages posted, as their arguments (channel, user, text, blocks).</summary>
    public IReadOnlyList<JsonObject> Ephemerals
    {
        get
        {
            lock (_gate)
            {
                return [.. _ephemerals.Select(e => (JsonObject)e.DeepClone())];
            }
        }
    }

    /// <summary>Puts a message in a channel as if posted earlier (e.g. before a crash).</summary>
    public string Seed(string channel, string text, JsonObject? metadata = null)
    {
        lock (_gate)
        {
            var ts = NextTs();
            _channels[channel].Messages.Add(new FakeSlackMessage(channel, ts, text, null, null, metadata, null, (null, null)));
            return ts;
        }
    }

    public void Map(WebApplication app)
    {
        app.MapMethods("/api/{method}", ["GET", "POST"], HandleAsync);
        app.MapGet("/oauth/v2/authorize", Authorize);
        app.MapPost(UploadPath + "{key}", UploadAsync);
    }

    private void Change(string id, Action<FakeSlackChannel> change)
    {
        lock (_gate)
        {
            change(_channels[id]);
        }
    }

    /// <summary>"1700000000.000100": seconds and microseconds, unique and increasing even within a microsecond.</summary>
    private string NextTs()
    {
        var micros = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds() * 1000, _lastTsMicros + 1);
        _lastTsMicros = micros;
        return string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");
    }
}
