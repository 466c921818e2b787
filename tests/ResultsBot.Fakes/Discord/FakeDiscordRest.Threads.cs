using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ResultsBot.Fakes.Discord;

/// <summary>
/// Threads and forums, as Discord's docs describe them: a channel id the fake was not told about is a text channel
/// (type 0); a forum (15) or media channel (16) takes no message of its own (400 "Cannot send messages in a
/// non-text channel", 50008) and gets posts only as threads, each opened with its first message
/// (POST /channels/{forum}/threads; the thread's id is its starter message's id). A thread (10, 11, 12) takes
/// messages like any channel; one that is archived is unarchived by a new message, unless it is locked (400
/// "Thread is locked", 160005), and its messages cannot be edited meanwhile (400, 50083). Active threads are
/// listed per server (GET /guilds/{id}/threads/active), archived public ones per parent.
/// </summary>
public sealed partial class FakeDiscordRest
{
    public const string ThreadBucket = "6a1d0e7c3b2f49588a7e1c0d2b3f4a5e";

    private const int ForumType = 15;
    private const int MediaType = 16;
    private readonly Dictionary<string, int> _channelTypes = [];
    private readonly Dictionary<string, ThreadState> _threads = [];
    private int _threadListReads;

    /// <summary>Called with each thread opened in a forum after it is stored and before Discord answers (a test can kill the bot here).</summary>
    public Action<FakeDiscordThread>? ThreadCreated { get; set; }

    /// <summary>GET requests for the server's active threads or a channel's archived threads served.</summary>
    public int ThreadListReadCount => Volatile.Read(ref _threadListReads);

    /// <summary>The channel is a forum (15), or a media channel (16) if asked: it takes threads, not messages.</summary>
    public void AddForum(string channelId, bool media = false)
    {
        lock (_gate)
        {
            _channelTypes[channelId] = media ? MediaType : ForumType;
        }
    }

    /// <summary>A thread someone opened in <paramref name="parentId"/> (11 public by default; 10 announcement, 12 private).</summary>
    public void AddThread(string parentId, string threadId, string name = "results night", int type = 11)
    {
        lock (_gate)
        {
            _channelTypes[threadId] = type;
            _threads[threadId] = new ThreadState(threadId, parentId, name, "1100000000000000999", type, _options.Time.GetUtcNow());
        }
    }

    /// <summary>The thread is archived (by Discord after inactivity, or by a moderator), and locked if asked.</summary>
    public void ArchiveThread(string threadId, bool locked = false)
    {
        lock (_gate)
        {
            var thread = _threads[threadId];
            thread.Archived = true;
            thread.Locked = locked;
        }
    }

    /// <summary>The threads opened in a channel, oldest first.</summary>
    public IReadOnlyList<FakeDiscordThread> ThreadsIn(string parentId)
    {
        lock (_gate)
        {
            return [.. _threads.Values.Where(t => t.ParentId == parentId).OrderBy(t => Snowflake(t.Id)).Select(t => t.Snapshot())];
        }
    }

    private void MapThreads(RouteGroupBuilder api)
    {
        api.MapPost("/channels/{channelId}/threads", (HttpContext ctx, string channelId) =>
            Serve(ctx, ThreadBucket, channelId, Messages, async () => await WithBody(ctx, form => InChannel(channelId, () => StartForumThread(channelId, form)))));
        api.MapMethods("/channels/{channelId}", ["PATCH"], (HttpContext ctx, string channelId) =>
            Serve(ctx, OtherBucket + "/modify", channelId, Other, async () => await WithBody(ctx, form => InChannel(channelId, () => ModifyThread(channelId, form)))));
        api.MapGet("/guilds/{guildId}/threads/active", (HttpContext ctx, string guildId) =>
            Serve(ctx, OtherBucket + "/threads", guildId, Other, () => Task.FromResult(guildId == GuildId ? ActiveThreads() : Error(404, 10004, "Unknown Guild"))));
        api.MapGet("/channels/{channelId}/threads/archived/public", (HttpContext ctx, string channelId) =>
            Serve(ctx, OtherBucket + "/archived", channelId, Other, () => Task.FromResult(InChannel(channelId, () => ArchivedThreads(channelId)))));
    }

    private bool IsForum(string channelId)
    {
        lock (_gate)
        {
            return _channelTypes.TryGetValue(channelId, out var type) && type is ForumType or MediaType;
        }
    }

    /// <summary>Why a new message cannot go in this channel, if it cannot; an archived, unlocked thread is unarchived by it.</summary>
    private (int, JsonNode)? RefusesMessages(string channelId)
    {
        lock (_gate)
        {
            if (_channelTypes.TryGetValue(channelId, out var type) && type is ForumType or MediaType)
            {
                return Error(400, 50008, "Cannot send messages in a non-text channel");
            }

            if (_threads.TryGetValue(channelId, out var thread) && thread.Archived)
            {
                if (thread.Locked)
                {
                    return Error(400, 160005, "Thread is locked");
                }

                thread.Archived = false;
            }

            return null;
        }
    }

    private (int, JsonNode)? RefusesEdits(string channelId)
    {
        lock (_gate)
        {
            return _threads.TryGetValue(channelId, out var thread) && thread.Archived
                ? Error(400, 50083, "Thread is archived")
                : null;
        }
    }

    private (int, JsonNode) StartForumThread(string channelId, FakeDiscordForm form)
    {
        if (!IsForum(channelId))
        {
            // Only the forum form is served here: a thread in a text channel is opened from a message instead.
            return Error(400, 50024, "Cannot execute action on this channel type");
        }

        var body = form.Payload;
        if (Invalid(DiscordMessageSchema.ValidateForumThread(body)) is { } invalid)
        {
            return invalid;
        }

        var message = body!["message"]!.AsObject();
        var embeds = message["embeds"] as JsonArray ?? [];
        if (string.IsNullOrEmpty((string?)message["content"]) && embeds.Count == 0 && form.Files.Count == 0)
        {
            return Error(400, 50006, "Cannot send an empty message");
        }

        var now = _options.Time.GetUtcNow();
        lock (_gate)
        {
            // The thread and its starter message share one id, as Discord's forum threads do.
            var id = NextSnowflake(now);
            var thread = new ThreadState(id, channelId, (string)body["name"]!, _options.BotUserId, 11, now);
            _threads[id] = thread;
            _channelTypes[id] = 11;
            var starter = new StoredMessage(id, id, _options.BotUserId, now) { Content = (string?)message["content"], Embeds = (JsonArray)embeds.DeepClone() };
            ChannelList(id).Add(starter);
            ThreadCreated?.Invoke(thread.Snapshot());
            var json = ThreadJson(thread);
            json["message"] = starter.ToJson(GuildId);
            return (201, json);
        }
    }

    /// <summary>
    /// Modify Channel for a thread, the part a bot without Manage Threads may do: unarchive a thread that is not
    /// locked ({"archived": false}, with Send Messages). Anything else needs Manage Threads, which the bot lacks.
    /// </summary>
    private (int, JsonNode) ModifyThread(string channelId, FakeDiscordForm form)
    {
        lock (_gate)
        {
            if (!_threads.TryGetValue(channelId, out var thread) || form.Payload is not JsonObject body
                || body.Count != 1 || body["archived"] is not JsonValue archived || archived.GetValueKind() != System.Text.Json.JsonValueKind.False
                || thread.Locked)
            {
                return Error(403, 50013, "Missing Permissions");
            }

            thread.Archived = false;
            return Ok(ThreadJson(thread));
        }
    }

    private (int, JsonNode) ActiveThreads()
    {
        Interlocked.Increment(ref _threadListReads);
        lock (_gate)
        {
            var active = _threads.Values.Where(t => !t.Archived).OrderBy(t => Snowflake(t.Id));
            return Ok(new JsonObject { ["threads"] = new JsonArray([.. active.Select(t => (JsonNode)ThreadJson(t))]), ["members"] = new JsonArray() });
        }
    }

    private (int, JsonNode) ArchivedThreads(string channelId)
    {
        Interlocked.Increment(ref _threadListReads);
        lock (_gate)
        {
            // Newest archived first, as Discord orders them; the fake holds few enough for one page.
            var archived = _threads.Values.Where(t => t.ParentId == channelId && t.Archived && t.Type == 11).OrderByDescending(t => Snowflake(t.Id));
            return Ok(new JsonObject { ["threads"] = new JsonArray([.. archived.Select(t => (JsonNode)ThreadJson(t))]), ["members"] = new JsonArray(), ["has_more"] = false });
        }
    }

    /// <summary>GET /channels/{id}: its type, and for a thread its parent, owner and state.</summary>
    private JsonObject ChannelJson(string channelId)
    {
        lock (_gate)
        {
            if (_threads.TryGetValue(channelId, out var thread))
            {
                return ThreadJson(thread);
            }

            var json = Channel(channelId);
            json["type"] = _channelTypes.TryGetValue(channelId, out var type) ? type : _announcementChannels.Contains(channelId) ? AnnouncementChannelType : 0;
            return json;
        }
    }

    private static JsonObject ThreadJson(ThreadState thread) => new()
    {
        ["id"] = thread.Id,
        ["type"] = thread.Type,
        ["guild_id"] = GuildId,
        ["parent_id"] = thread.ParentId,
        ["owner_id"] = thread.OwnerId,
        ["name"] = thread.Name,
        ["message_count"] = 0,
        ["member_count"] = 1,
        ["thread_metadata"] = new JsonObject
        {
            ["archived"] = thread.Archived,
            ["auto_archive_duration"] = 10080,
            ["archive_timestamp"] = thread.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["locked"] = thread.Locked,
        },
    };

    private sealed class ThreadState(string id, string parentId, string name, string ownerId, int type, DateTimeOffset createdAt)
    {
        public string Id => id;

        public string ParentId => parentId;

        public string Name => name;

        public string OwnerId => ownerId;

        public int Type => type;

        public DateTimeOffset CreatedAt => createdAt;

        public bool Archived { get; set; }

        public bool Locked { get; set; }

        public FakeDiscordThread Snapshot() => new(id, parentId, name, ownerId, type, Archived, Locked, createdAt);
    }
}
