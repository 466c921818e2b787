using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ResultsBot.Fakes.Discord;

/// <summary>
/// Discord's REST API v10 (the message parts a results bot uses) on loopback, behaving as the docs say:
/// bot-token auth, messages stored per channel with snowflake ids, nonce + enforce_nonce dedupe, bodies
/// validated against the OpenAPI schemas and the documented limits, per-route and global rate limits
/// with X-RateLimit-* headers, and switches to make things go wrong.
/// </summary>
public sealed partial class FakeDiscordRest(string botToken, FakeDiscordRestOptions? options = null) : IFakeRoutes
{
    /// <summary>The bucket hashes the fake reports (X-RateLimit-Bucket), one per route shape.</summary>
    public const string CreateMessageBucket = "80c17d2f203122d936070c88c8d10f33";
    public const string EditMessageBucket = "2e8f3c1a9b7d4e6f80a1b2c3d4e5f607";
    public const string OtherBucket = "f1e2d3c4b5a6978812345678abcdef90";
    public const string CrosspostBucket = "6a3b9c1d2e4f5a6b7c8d9e0f1a2b3c4d";

    /// <summary>GUILD_ANNOUNCEMENT, as GET /channels/{id} gives an announcement channel's type.</summary>
    public const int AnnouncementChannelType = 5;

    private const string GuildId = "1000000000000000001";
    private static readonly DateTimeOffset DiscordEpoch = DateTimeOffset.FromUnixTimeMilliseconds(1420070400000);

    private readonly FakeDiscordRestOptions _options = options ?? new FakeDiscordRestOptions();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<StoredMessage>> _channels = [];
    private readonly Dictionary<string, (int Status, int Code, string Message)> _brokenChannels = [];
    private readonly HashSet<string> _historyHidden = [];
    private readonly HashSet<string> _attachmentsForbidden = [];
    private readonly HashSet<string> _announcementChannels = [];
    private readonly List<(string ChannelId, string MessageId, DateTimeOffset At)> _publishes = [];
    private int _publishRateLimited;
    private readonly List<string> _rejections = [];
    private FakeRateLimits? _limits;
    private long _lastSnowflake;
    private int _requests;
    private int _historyReads;
    private int _abandonedUploads;
    private int _rateLimited;
    private int _forcedRateLimited;
    private int _globalRateLimited;
    private int _unauthorized;
    private int? _failStatus;
    private TimeSpan _hang;
    private (int Left, TimeSpan RetryAfter, bool Global) _storm;

    public string BotToken => botToken;

    public FakeDiscordRestOptions Options => _options;

    /// <summary>Every publish (crosspost) made, in order: the channel, the message and when.</summary>
    public IReadOnlyList<(string ChannelId, string MessageId, DateTimeOffset At)> Publishes
    {
        get
        {
            lock (_gate)
            {
                return [.. _publishes];
            }
        }
    }

    /// <summary>429s served to publishes (crossposts) because the channel's publish limit was spent.</summary>
    public int PublishRateLimitedCount => Volatile.Read(ref _publishRateLimited);

    /// <summary>
    /// The channel is an announcement channel (type 5): GET /channels/{id} says so, and its messages can be published.
    /// Other channels answer a crosspost with 400 Cannot execute action on this channel type (50024).
    /// </summary>
    public void MakeAnnouncementChannel(string channelId)
    {
        lock (_gate)
        {
            _announcementChannels.Add(channelId);
        }
    }

    /// <summary>
    /// Spends the channel's publish limit from now, as people in the server publishing by hand would: publishes get
    /// 429 until the window (an hour by default) is up, and so do edits of published messages (20022).
    /// </summary>
    public void HoldPublishLimit(string channelId) =>
        _limits!.Exhaust(CrosspostBucket, channelId, _options.PublishLimit, _options.PublishWindow, _options.Time.GetUtcNow());

    /// <summary>Every request that reached the fake.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>429s served because a client overran a bucket or the global limit (not forced storms): a good client gets none.</summary>
    public int RateLimitedCount => Volatile.Read(ref _rateLimited);

    /// <summary>429s served by <see cref="StartRateLimitStorm"/>.</summary>
    public int ForcedRateLimitCount => Volatile.Read(ref _forcedRateLimited);

    /// <summary>
    /// Of <see cref="RateLimitedCount"/>, those for the bot's global limit, counted per token across every connection:
    /// several instances of one bot that together exceed it get these.
    /// </summary>
    public int GlobalRateLimitedCount => Volatile.Read(ref _globalRateLimited);

    public int UnauthorizedCount => Volatile.Read(ref _unauthorized);

    /// <summary>The error bodies of every 400 the fake gave for a bad body (for test failure messages).</summary>
    public IReadOnlyList<string> Rejections
    {
        get
        {
            lock (_gate)
            {
                return [.. _rejections];
            }
        }
    }

    /// <summary>Channels that have messages, and the messages, oldest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FakeDiscordMessage>> AllMessages
    {
        get
        {
            lock (_gate)
            {
                return _channels.ToDictionary(c => c.Key, c => (IReadOnlyList<FakeDiscordMessage>)[.. c.Value.Select(m => m.Snapshot())]);
            }
        }
    }

    /// <summary>The messages in one channel, oldest first (empty if none).</summary>
    public IReadOnlyList<FakeDiscordMessage> MessagesIn(string channelId)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channelId, out var list) ? [.. list.Select(m => m.Snapshot())] : [];
        }
    }

    /// <summary>A message as Discord would send it inside an interaction (a button pressed under it): the object GET returns.</summary>
    public JsonObject MessageObject(FakeDiscordMessage message)
    {
        lock (_gate)
        {
            return ChannelList(message.ChannelId).First(m => m.Id == message.Id).ToJson(GuildId);
        }
    }

    /// <summary>The channel answers 404 Unknown Channel (10003) from now on.</summary>
    public void DeleteChannel(string channelId) => Break(channelId, 404, 10003, "Unknown Channel");

    /// <summary>The bot lost access: 403 Missing Access (50001), or Missing Permissions (50013) if asked.</summary>
    public void ForbidChannel(string channelId, bool missingPermissionsOnly = false) =>
        Break(channelId, 403, missingPermissionsOnly ? 50013 : 50001, missingPermissionsOnly ? "Missing Permissions" : "Missing Access");

    public void RestoreChannel(string channelId)
    {
        lock (_gate)
        {
            _brokenChannels.Remove(channelId);
            _historyHidden.Remove(channelId);
        }
    }

    /// <summary>
    /// The bot lacks Attach Files in the channel: a message or edit that uploads files answers 403 Missing
    /// Permissions (50013), as Discord does; text alone still goes.
    /// </summary>
    public void ForbidAttachments(string channelId)
    {
        lock (_gate)
        {
            _attachmentsForbidden.Add(channelId);
        }
    }

    /// <summary>
    /// The bot lacks Read Message History in the channel: as the docs say, GET messages answers an empty list
    /// (not an error) and GET of one message 403 Missing Access (50001); sending still works.
    /// </summary>
    public void HideHistory(string channelId)
    {
        lock (_gate)
        {
            _historyHidden.Add(channelId);
        }
    }

    /// <summary>
    /// Called with each new message after it is stored and before Discord answers: a test can kill the bot
    /// here, in the instant after Discord took a post and before the bot could record it.
    /// </summary>
    public Action<FakeDiscordMessage>? MessageCreated { get; set; }

    /// <summary>
    /// Called as each upload starts being held by <see cref="FakeDiscordRestOptions.UploadDelay"/>: a test can kill
    /// the bot here, certain the upload is in flight, rather than hope a timed kill lands in the window.
    /// </summary>
    public Action? UploadHeld { get; set; }

    /// <summary>Uploads held by <see cref="FakeDiscordRestOptions.UploadDelay"/> whose client went away before they were served (a bot killed mid-upload).</summary>
    public int AbandonedUploadCount => Volatile.Read(ref _abandonedUploads);

    /// <summary>GET /channels/{id}/messages requests served (channel history reads).</summary>
    public int HistoryReadCount => Volatile.Read(ref _historyReads);

    /// <summary>Deletes a message, so editing it answers 404 Unknown Message (10008).</summary>
    public void DeleteMessage(string channelId, string messageId)
    {
        lock (_gate)
        {
            if (_channels.TryGetValue(channelId, out var list))
            {
                list.RemoveAll(m => m.Id == messageId);
            }
        }
    }

    /// <summary>Every request (after auth) gets this status, e.g. 502 or 503, until <see cref="Heal"/>.</summary>
    public void FailAll(int status = 502)
    {
        lock (_gate)
        {
            _failStatus = status;
        }
    }

    /// <summary>Every request waits this long before being served (or until the client gives up), until <see cref="Heal"/>.</summary>
    public void HangAll(TimeSpan delay)
    {
        lock (_gate)
        {
            _hang = delay;
        }
    }

    /// <summary>The next <paramref name="responses"/> requests get 429 with this retry_after, whatever the buckets say.</summary>
    public void StartRateLimitStorm(int responses, TimeSpan retryAfter, bool global = false)
    {
        lock (_gate)
        {
            _storm = (responses, retryAfter, global);
        }
    }

    /// <summary>Ends failures, hangs and storms (channels stay as they are).</summary>
    public void Heal()
    {
        lock (_gate)
        {
            _failStatus = null;
            _hang = TimeSpan.Zero;
            _storm = default;
        }
    }

    public void Map(WebApplication app)
    {
        _limits = new FakeRateLimits(_options);
        var api = app.MapGroup("/api/v10");
        api.MapGet("/users/@me", ServeMe);
        api.MapGet("/channels/{channelId}", (HttpContext ctx, string channelId) =>
            Serve(ctx, OtherBucket, channelId, Other, () => Task.FromResult(InChannel(channelId, () => Ok(ChannelJson(channelId))))));
        api.MapGet("/channels/{channelId}/messages/{messageId}", (HttpContext ctx, string channelId, string messageId) =>
            Serve(ctx, OtherBucket + "/message", channelId, Other, () => Task.FromResult(InChannel(channelId, () => GetMessage(channelId, messageId)))));
        api.MapGet("/channels/{channelId}/messages", (HttpContext ctx, string channelId) =>
            Serve(ctx, OtherBucket + "/messages", channelId, Other, () => Task.FromResult(InChannel(channelId, () => GetMessages(channelId, ctx.Request.Query)))));
        api.MapPost("/channels/{channelId}/messages", (HttpContext ctx, string channelId) =>
            Serve(ctx, CreateMessageBucket, channelId, Messages, async () => await WithBody(ctx, form => InChannel(channelId, () => Create(channelId, form)))));
        api.MapPost("/channels/{channelId}/messages/{messageId}/crosspost", (HttpContext ctx, string channelId, string messageId) =>
            Serve(ctx, CrosspostBucket, channelId, (_options.PublishLimit, _options.PublishWindow), () => Task.FromResult(InChannel(channelId, () => Crosspost(channelId, messageId)))));
        api.MapMethods("/channels/{channelId}/messages/{messageId}", ["PATCH"], (HttpContext ctx, string channelId, string messageId) =>
            Serve(ctx, EditMessageBucket, channelId, Messages, async () => await WithBody(ctx, form => InChannel(channelId, () => Edit(channelId, messageId, form)))));
        MapThreads(api);
    }

    private Task ServeMe(HttpContext ctx) => Serve(ctx, OtherBucket + "/me", "", Other, () => Task.FromResult(Ok(Me())));

    private (int, TimeSpan) Messages => (_options.MessageBucketLimit, _options.MessageBucketWindow);

    private (int, TimeSpan) Other => (_options.OtherBucketLimit, _options.OtherBucketWindow);

    private async Task Serve(HttpContext ctx, string bucket, string major, (int Limit, TimeSpan Window) size, Func<Task<(int Status, JsonNode Body)>> action)
    {
        Interlocked.Increment(ref _requests);
        if (ctx.Request.Headers.Authorization.ToString() != "Bot " + botToken)
        {
            Interlocked.Increment(ref _unauthorized);
            await Write(ctx, 401, new JsonObject { ["message"] = "401: Unauthorized", ["code"] = 0 });
            return;
        }

        TimeSpan hang;
        int? failStatus;
        bool stormed;
        (int Left, TimeSpan RetryAfter, bool Global) storm;
        lock (_gate)
        {
            (hang, failStatus, storm) = (_hang, _failStatus, _storm);
            stormed = _storm.Left > 0;
            if (stormed)
            {
                _storm.Left--;
            }
        }

        if (hang > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(hang, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (failStatus is { } status)
        {
            await Write(ctx, status, new JsonObject { ["message"] = $"{status}: Server error", ["code"] = 0 });
            return;
        }

        var now = _options.Time.GetUtcNow();
        if (stormed)
        {
            Interlocked.Increment(ref _forcedRateLimited);
            await TooManyRequests(ctx, storm.RetryAfter, storm.Global, storm.Global ? "global" : "shared", null);
            return;
        }

        if (_limits!.TakeGlobal(now) is { } wait)
        {
            Interlocked.Increment(ref _rateLimited);
            Interlocked.Increment(ref _globalRateLimited);
            await TooManyRequests(ctx, wait, global: true, "global", null);
            return;
        }

        var state = _limits.Take(bucket, major, size.Limit, size.Window, now);
        if (!state.Allowed)
        {
            Interlocked.Increment(ref bucket == CrosspostBucket ? ref _publishRateLimited : ref _rateLimited);
            await TooManyRequests(ctx, state.ResetAfter, global: false, "user", state);
            return;
        }

        var (code, body) = await action();
        AddBucketHeaders(ctx, state);
        await Write(ctx, code, body);
    }

    private static async Task TooManyRequests(HttpContext ctx, TimeSpan retryAfter, bool global, string scope, BucketState? state)
    {
        if (state is not null)
        {
            AddBucketHeaders(ctx, state);
        }

        if (global)
        {
            ctx.Response.Headers["X-RateLimit-Global"] = "true";
        }

        ctx.Response.Headers["X-RateLimit-Scope"] = scope;
        ctx.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Write(ctx, 429, new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Seconds(retryAfter),
            ["global"] = global,
        });
    }

    private static void AddBucketHeaders(HttpContext ctx, BucketState state)
    {
        var headers = ctx.Response.Headers;
        headers["X-RateLimit-Limit"] = state.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = state.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = Seconds(state.ResetAt - DateTimeOffset.UnixEpoch).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = Seconds(state.ResetAfter).ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = state.Bucket;
    }

    // Rounded up to the millisecond, so a client that waits exactly this long is never early.
    private static double Seconds(TimeSpan span) => Math.Ceiling(Math.Max(0, span.TotalMilliseconds)) / 1000.0;

    private static async Task Write(HttpContext ctx, int status, JsonNode body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body.ToJsonString(), ctx.RequestAborted);
    }

    private async Task<(int, JsonNode)> WithBody(HttpContext ctx, Func<FakeDiscordForm, (int, JsonNode)> action)
    {
        if (_options.UploadDelay > TimeSpan.Zero && (ctx.Request.ContentType ?? "").StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                // A slow upload: the request is in flight, nothing stored yet; a client that goes away leaves nothing.
                UploadHeld?.Invoke();
                await Task.Delay(_options.UploadDelay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _abandonedUploads);
                return Error(400, 0, "client went away");
            }
        }

        var (form, error) = await FakeDiscordForm.ReadAsync(ctx, _options.MaxUploadBytes);
        return error ?? action(form!);
    }

    private (int, JsonNode) InChannel(string channelId, Func<(int, JsonNode)> action)
    {
        lock (_gate)
        {
            if (_brokenChannels.TryGetValue(channelId, out var broken))
            {
                return Error(broken.Status, broken.Code, broken.Message);
            }
        }

        return IsSnowflake(channelId) ? action() : Error(404, 10003, "Unknown Channel");
    }

    private (int, JsonNode) Create(string channelId, FakeDiscordForm form)
    {
        var body = form.Payload;
        if (Invalid(DiscordMessageSchema.ValidateCreate(body)) is { } invalid)
        {
            return invalid;
        }

        var message = body!.AsObject();
        if (DiscordComponentRules.Check(message["components"]) is { } badComponents)
        {
            return Rejected(new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body", ["errors"] = badComponents });
        }

        var embeds = message["embeds"] as JsonArray ?? [];
        if (string.IsNullOrEmpty((string?)message["content"]) && embeds.Count == 0 && message["components"] is not JsonArray { Count: > 0 }
            && message["sticker_ids"] is not JsonArray { Count: > 0 } && message["poll"] is null && form.Files.Count == 0)
        {
            return Error(400, 50006, "Cannot send an empty message");
        }

        if (Forbidden(channelId, form) is { } forbidden)
        {
            return forbidden;
        }

        if (RefusesMessages(channelId) is { } refused)
        {
            return refused;
        }

        var nonce = message["nonce"] is JsonValue n ? (n.TryGetValue<string>(out var s) ? s : n.ToJsonString()) : null;
        var now = _options.Time.GetUtcNow();
        lock (_gate)
        {
            var list = ChannelList(channelId);
            if (nonce is not null && (bool?)message["enforce_nonce"] == true
                && list.LastOrDefault(m => m.Nonce == nonce && m.AuthorId == _options.BotUserId && now - m.Timestamp <= _options.NonceWindow) is { } earlier)
            {
                return Ok(earlier.ToJson(GuildId, withNonce: true));
            }

            string? reference = null;
            if (message["message_reference"] is JsonObject referenceBody)
            {
                reference = (string?)referenceBody["message_id"];
                if (!list.Any(m => m.Id == reference))
                {
                    if ((bool?)referenceBody["fail_if_not_exists"] != false)
                    {
                        var error = new SchemaError(["message_reference"], "REPLIES_UNKNOWN_MESSAGE", "Unknown message");
                        return Rejected(DiscordMessageSchema.ErrorBody([error]));
                    }

                    reference = null;
                }
            }

            var (attachments, attachmentError) = form.Attachments([], () => NextSnowflake(now));
            if (attachmentError is not null)
            {
                return Rejected(attachmentError);
            }

            var stored = new StoredMessage(NextSnowflake(now), channelId, _options.BotUserId, now)
            {
                Attachments = attachments!,
                Content = (string?)message["content"],
                Embeds = (JsonArray)embeds.DeepClone(),
                Components = message["components"] is JsonArray components ? (JsonArray)components.DeepClone() : [],
                Nonce = nonce,
                ReferencedMessageId = reference,
            };
            list.Add(stored);
            MessageCreated?.Invoke(stored.Snapshot());
            return Ok(stored.ToJson(GuildId, withNonce: true));
        }
    }

    /// <summary>
    /// Crosspost Message: publishes a message of an announcement channel to the channels that follow it, once;
    /// answers the message with the CROSSPOSTED flag.
    /// </summary>
    private (int, JsonNode) Crosspost(string channelId, string messageId)
    {
        lock (_gate)
        {
            if (ChannelList(channelId).FirstOrDefault(m => m.Id == messageId) is not { } stored)
            {
                return Error(404, 10008, "Unknown Message");
            }

            if (!_announcementChannels.Contains(channelId))
            {
                return Error(400, 50024, "Cannot execute action on this channel type");
            }

            if (stored.CrosspostedAt is not null)
            {
                return Error(400, 40033, "This message has already been crossposted");
            }

            stored.CrosspostedAt = _options.Time.GetUtcNow();
            _publishes.Add((channelId, messageId, stored.CrosspostedAt.Value));
            return Ok(stored.ToJson(GuildId));
        }
    }

    private (int, JsonNode) Edit(string channelId, string messageId, FakeDiscordForm form)
    {
        var body = form.Payload;
        if (Invalid(DiscordMessageSchema.ValidateEdit(body)) is { } invalid)
        {
            return invalid;
        }

        if (Forbidden(channelId, form) is { } forbidden)
        {
            return forbidden;
        }

        if (RefusesEdits(channelId) is { } refused)
        {
            return refused;
        }

        var message = body!.AsObject();
        if (DiscordComponentRules.Check(message["components"]) is { } badComponents)
        {
            return Rejected(new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body", ["errors"] = badComponents });
        }

        lock (_gate)
        {
            if (ChannelList(channelId).FirstOrDefault(m => m.Id == messageId) is not { } stored)
            {
                return Error(404, 10008, "Unknown Message");
            }

            // An edit of a published message goes out to every follower again, under the channel's announcement
            // limits: while they are spent, Discord refuses it.
            if (stored.CrosspostedAt is not null && _limits!.IsExhausted(CrosspostBucket, channelId, _options.PublishLimit, _options.Time.GetUtcNow()))
            {
                return Error(400, 20022, "This message cannot be edited due to announcement rate limits");
            }

            var (attachments, attachmentError) = form.Attachments(stored.Attachments, () => NextSnowflake(_options.Time.GetUtcNow()));
            if (attachmentError is not null)
            {
                return Rejected(attachmentError);
            }

            stored.Edits.Add(new JsonObject { ["content"] = stored.Content, ["embeds"] = stored.Embeds.DeepClone(), ["attachments"] = FakeDiscordForm.ToJson(stored.Attachments, channelId) });
            stored.Attachments = attachments!;
            if (message.ContainsKey("content"))
            {
                stored.Content = (string?)message["content"];
            }

            if (message.ContainsKey("embeds"))
            {
                stored.Embeds = message["embeds"] is JsonArray embeds ? (JsonArray)embeds.DeepClone() : [];
            }

            if (message.ContainsKey("components"))
            {
                // An edit's components replace the message's; left out, they stay.
                stored.Components = message["components"] is JsonArray components ? (JsonArray)components.DeepClone() : [];
            }

            stored.EditedAt = _options.Time.GetUtcNow();
            return Ok(stored.ToJson(GuildId));
        }
    }

    /// <summary>
    /// Get Channel Messages as documented: newest first, at most limit (1-100, default 50); before, after and
    /// around are mutually exclusive; after gives the messages just after the id. Nonces are not kept.
    /// </summary>
    private (int, JsonNode) GetMessages(string channelId, IQueryCollection query)
    {
        Interlocked.Increment(ref _historyReads);
        var limit = 50;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return Rejected(DiscordMessageSchema.ErrorBody([new SchemaError(["limit"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 100.")]));
        }

        var anchors = new[] { "before", "after", "around" }.Where(query.ContainsKey).ToList();
        if (anchors.Count > 1 || anchors.Any(a => !IsSnowflake(query[a].ToString())))
        {
            return Error(400, 50035, "Invalid Form Body");
        }

        lock (_gate)
        {
            // A forum has no messages of its own, only threads: its history reads as empty.
            if (_historyHidden.Contains(channelId) || _channelTypes.GetValueOrDefault(channelId) is ForumType or MediaType)
            {
                return Ok(new JsonArray());
            }

            var oldestFirst = ChannelList(channelId);
            IEnumerable<StoredMessage> page = anchors switch
            {
                ["before"] => oldestFirst.Where(m => Snowflake(m.Id) < Snowflake(query["before"]!)).Reverse().Take(limit),
                ["after"] => oldestFirst.Where(m => Snowflake(m.Id) > Snowflake(query["after"]!)).Take(limit).Reverse(),
                ["around"] => Around(oldestFirst, Snowflake(query["around"]!), limit),
                _ => Enumerable.Reverse(oldestFirst).Take(limit),
            };
            return Ok(new JsonArray([.. page.Select(m => (JsonNode)m.ToJson(GuildId))]));
        }
    }

    private static IEnumerable<StoredMessage> Around(List<StoredMessage> oldestFirst, long id, int limit)
    {
        var newer = oldestFirst.Where(m => Snowflake(m.Id) >= id).Take(limit / 2);
        var older = oldestFirst.Where(m => Snowflake(m.Id) < id).Reverse().Take(limit - (limit / 2));
        return newer.Reverse().Concat(older);
    }

    private static long Snowflake(string? id) => long.Parse(id!, CultureInfo.InvariantCulture);

    private (int, JsonNode) GetMessage(string channelId, string messageId)
    {
        lock (_gate)
        {
            if (_historyHidden.Contains(channelId))
            {
                return Error(403, 50001, "Missing Access");
            }

            return ChannelList(channelId).FirstOrDefault(m => m.Id == messageId) is { } stored
                ? Ok(stored.ToJson(GuildId))
                : Error(404, 10008, "Unknown Message");
        }
    }

    private (int, JsonNode)? Forbidden(string channelId, FakeDiscordForm form)
    {
        lock (_gate)
        {
            return form.Files.Count > 0 && _attachmentsForbidden.Contains(channelId) ? Error(403, 50013, "Missing Permissions") : null;
        }
    }

    private (int, JsonNode)? Invalid(IReadOnlyList<SchemaError> errors) =>
        errors.Count == 0 ? null : Rejected(DiscordMessageSchema.ErrorBody(errors));

    private (int, JsonNode) Rejected(JsonObject error)
    {
        lock (_gate)
        {
            _rejections.Add(error.ToJsonString());
        }

        return (400, error);
    }

    private List<StoredMessage> ChannelList(string channelId)
    {
        if (!_channels.TryGetValue(channelId, out var list))
        {
            list = [];
            _channels[channelId] = list;
        }

        return list;
    }

    private void Break(string channelId, int status, int code, string message)
    {
        lock (_gate)
        {
            _brokenChannels[channelId] = (status, code, message);
        }
    }

    private string NextSnowflake(DateTimeOffset now)
    {
        var id = (long)(now - DiscordEpoch).TotalMilliseconds << 22;
        _lastSnowflake = Math.Max(id, _lastSnowflake + 1);
        return _lastSnowflake.ToString(CultureInfo.InvariantCulture);
    }

    private JsonObject Me() => new()
    {
        ["id"] = _options.BotUserId,
        ["username"] = "ResultsBot",
        ["discriminator"] = "0",
        ["global_name"] = null,
        ["avatar"] = null,
        ["bot"] = true,
        ["flags"] = 0,
    };

    private JsonObject Channel(string channelId) => new()
    {
        ["id"] = channelId,
        ["type"] = IsAnnouncement(channelId) ? AnnouncementChannelType : 0,
        ["guild_id"] = GuildId,
        ["name"] = "results-" + channelId[Math.Max(0, channelId.Length - 4)..],
        ["position"] = 0,
        ["permission_overwrites"] = new JsonArray(),
        ["nsfw"] = false,
        ["topic"] = null,
    };

    private bool IsAnnouncement(string channelId)
    {
        lock (_gate)
        {
            return _announcementChannels.Contains(channelId);
        }
    }

    private static bool IsSnowflake(string id) => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit);

    private static (int, JsonNode) Ok(JsonNode body) => (200, body);

    private static (int, JsonNode) Error(int status, int code, string message) =>
        (status, new JsonObject { ["message"] = message, ["code"] = code });
}
