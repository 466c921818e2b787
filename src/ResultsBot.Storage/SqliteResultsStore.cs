using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Storage;

/// <summary>
/// Every accepted message and every post, in SQLite. Accepting a message and queueing its posts is one
/// transaction, so a crash either keeps both or neither; a post is marked delivered only after it went
/// out, so at worst it repeats once after a crash.
/// </summary>
public sealed class SqliteResultsStore : IResultsStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private SqliteResultsStore(SqliteConnection connection, TimeProvider time, string? filePath)
    {
        _connection = connection;
        _time = time;
        FilePath = filePath;
    }

    // The ports, each call translating SQLite's faults into the store's: busy, locked, full or read-only is
    // StoreUnavailableException (try again), a damaged or foreign file StoreDamagedException (stop).
    public IReadOnlyList<StoredMessage> LoadMessages() => Guard(() => LoadMessagesCore(0));

    public IReadOnlyList<StoredMessage> LoadMessagesAfter(long afterId) => Guard(() => LoadMessagesCore(afterId));

    public void AcceptAll(IReadOnlyList<AcceptedMessage> messages) => Guard(() => AcceptAllCore(messages));

    public void Announce(Post post, IReadOnlyList<string> channels) => Guard(() => AnnounceCore(post, channels));

    public IReadOnlyList<PendingDelivery> PendingDeliveries(string channel) => Guard(() => PendingDeliveriesCore(channel));

    public void MarkDelivered(IReadOnlyList<long> deliveryIds, string? platformMessageId) => Guard(() => MarkDeliveredCore(deliveryIds, platformMessageId));

    public string? DeliveredMessageId(long postId, string channel) => Guard(() => DeliveredMessageIdCore(postId, channel));

    public DigestRecord? DigestCarrying(long postId, string channel) => Guard(() => DigestCarryingCore(postId, channel));

    // A file is one instance's: no other could hold the channel, so there is no lease to check.
    public void MarkAttempted(string channel, IReadOnlyList<long> deliveryIds) => Guard(() => MarkAttemptedCore(deliveryIds));

    public void MarkFailed(long deliveryId, string reason) => Guard(() => MarkFailedCore(deliveryId, reason));

    public IReadOnlyList<string> ChannelsWithPending() => Guard(ChannelsWithPendingCore);

    public IReadOnlyList<StoredSubscription> LoadSubscriptions() => Guard(LoadSubscriptionsCore);

    public void SubscribeMany(IReadOnlyCollection<(string Channel, string Filter)> subscriptions, string origin, string updatedBy) =>
        Guard(() => SubscribeManyCore(subscriptions, origin, updatedBy));

    public bool Unsubscribe(string channel) => Guard(() => UnsubscribeCore(channel));

    public void Pause(string channel, string reason) => Guard(() => PauseCore(channel, reason));

    public void SaveInstall(WorkspaceInstall install) => Guard(() => SaveInstallCore(install));

    public WorkspaceInstall? FindInstall(string workspaceId) => Guard(() => ReadInstalls("WHERE workspace_id = $id", workspaceId).FirstOrDefault());

    public IReadOnlyList<WorkspaceInstall> LoadInstalls() => Guard(() => ReadInstalls("", null));

    public bool RemoveInstall(string workspaceId) => Guard(() => RemoveInstallCore(workspaceId));

    public void ProbeWrite() => Guard(ProbeWriteCore);

    public int CountPosts() => Guard(CountPostsCore);

    public IReadOnlyList<DeliveredPost> DeliveredSince(string channel, DateTimeOffset since) => Guard(() => DeliveredSinceCore(channel, since));

    public IReadOnlyList<PublishRecord> PublishesSince(string channel, DateTimeOffset since) => Guard(() => PublishesSinceCore(channel, since));

    public void RecordPublish(string channel, string platformMessageId, PublishOutcome outcome) =>
        Guard(() => Write(
            "INSERT INTO publishes (channel, platform_message_id, outcome, recorded_at) VALUES ($channel, $pid, $outcome, $now) ON CONFLICT (channel, platform_message_id) DO NOTHING",
            ("$channel", channel), ("$pid", platformMessageId), ("$outcome", outcome.ToString()), ("$now", Now())));
    public string? FindForumThread(string channel, string title) => Guard(() =>
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT thread_id FROM forum_threads WHERE channel = $channel AND title = $title";
            command.Parameters.AddWithValue("$channel", channel);
            command.Parameters.AddWithValue("$title", title);
            return command.ExecuteScalar() as string;
        }
    });

    public void RememberForumThread(string channel, string title, string threadId) => Guard(() => Write(
        "INSERT INTO forum_threads (channel, title, thread_id, created_at) VALUES ($channel, $title, $thread, $now) ON CONFLICT (channel, title) DO NOTHING",
        ("$channel", channel), ("$title", title), ("$thread", threadId), ("$now", Now())));

    private static T Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (SqliteException ex)
        {
            throw SqliteFaults.Translate(ex);
        }
    }

    private static void Guard(Action call) => Guard(() =>
    {
        call();
        return true;
    });


    /// <summary>The database file, or null for an in-memory store.</summary>
    public string? FilePath { get; }

    /// <summary>An in-memory store that lives as long as this object: for replays and one-off questions.</summary>
    public static SqliteResultsStore InMemory(TimeProvider time) => Open("Data Source=:memory:", time);

    public static SqliteResultsStore Open(string connectionString, TimeProvider time)
    {
        SqliteConnection connection;
        try
        {
            // A locked database should fail fast (the message is read again next poll), not stall the
            // feed loop for the driver's default 30 s; a connection string may still say otherwise.
            var settings = new SqliteConnectionStringBuilder(connectionString);
            if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
            {
                settings.DefaultTimeout = 5;
            }

            connection = new SqliteConnection(settings.ToString());
            connection.Open();
        }
        catch (Exception ex) when (ex is ArgumentException or SqliteException or InvalidOperationException)
        {
            throw new StorageException($"ConnectionStrings:ResultsBot ('{connectionString}') cannot be opened: {ex.Message}", ex is SqliteException sqlite ? SqliteFaults.Translate(sqlite) : ex);
        }

        try
        {
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;");
            SqliteMigrations.Apply(connection);
            var file = connection.DataSource is { Length: > 0 } source && source != ":memory:" && !connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase)
                ? Path.GetFullPath(source)
                : null;
            return new SqliteResultsStore(connection, time, file);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StorageException($"ConnectionStrings:ResultsBot ('{connectionString}') is not a usable ResultsBot database: {ex.Message}", SqliteFaults.Translate(ex));
        }
        catch (StorageException)
        {
            connection.Dispose(); // a database newer than this program
            throw;
        }
    }

    /// <summary>
    /// Null while the database file is still the one this store opened; otherwise what happened to it. A
    /// file deleted while the bot runs takes every later write with it, and a file swapped for another mixes
    /// two nights: either way the bot must stop. On Linux the process's open files tell a file unlinked from
    /// under us (deleted, or replaced by a rename) from the one at the path; elsewhere only deletion is seen.
    /// </summary>
    public string? CheckFile()
    {
        if (FilePath is not { } path)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            return $"the database file {path} has been deleted or moved while the bot was running";
        }

        return OperatingSystem.IsLinux() && OpenFileUnlinked(path)
            ? $"the database file {path} has been replaced by another file while the bot was running"
            : null;
    }

    /// <summary>True when this process holds the path open only as a file that has since been unlinked.</summary>
    private static bool OpenFileUnlinked(string path)
    {
        var unlinked = false;
        try
        {
            foreach (var descriptor in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                var target = SafeLinkTarget(descriptor);
                if (target == path)
                {
                    return false;
                }

                unlinked |= target == path + " (deleted)";
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // Cannot tell: no verdict.
        }

        return unlinked;
    }

    private static string? SafeLinkTarget(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // A descriptor closed while we looked.
        }
    }

    private List<StoredMessage> LoadMessagesCore(long afterId)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, key, revision, origin, content, accepted_at FROM messages WHERE id > $after ORDER BY id";
            command.Parameters.AddWithValue("$after", afterId);
            using var reader = command.ExecuteReader();
            var messages = new List<StoredMessage>();
            while (reader.Read())
            {
                messages.Add(new StoredMessage(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), (byte[])reader[4])
                {
                    AcceptedAt = DateTimeOffset.TryParse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null,
                });
            }

            return messages;
        }
    }

    /// <summary>
    /// Many messages in one transaction, all or nothing: a poll that brings a whole night costs one write to disk,
    /// not one per message.
    /// </summary>
    private void AcceptAllCore(IReadOnlyList<AcceptedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var statements = new TransactionStatements(transaction);
            var now = Now();
            foreach (var (key, revision, origin, content, posts) in messages)
            {
                var messageId = Insert(
                    statements,
                    "INSERT INTO messages (key, revision, origin, content, accepted_at) VALUES ($key, $revision, $origin, $content, $now) RETURNING id",
                    ("$key", key), ("$revision", revision), ("$origin", origin), ("$content", content), ("$now", now));

                QueuePosts(statements, messageId, posts, now);
            }

            transaction.Commit();
        }
    }

    /// <summary>Queues a post of the bot's own (a feed alert) that no feed message caused.</summary>
    private void AnnounceCore(Post post, IReadOnlyList<string> channels)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var statements = new TransactionStatements(transaction);
            QueuePosts(statements, null, [new QueuedPost(post, channels)], Now());
            transaction.Commit();
        }
    }

    private static void QueuePosts(TransactionStatements statements, long? messageId, IReadOnlyList<QueuedPost> queued, string now)
    {
        foreach (var (post, channels) in queued)
        {
            var corrects = post.Kind == PostKind.Correction ? FirstPostAbout(statements, post.Subject) : null;
            var postId = Insert(
                statements,
                """
                INSERT INTO posts (message_id, subject, kind, headline, body, corrects_post_id, created_at)
                VALUES ($message, $subject, $kind, $headline, $body, $corrects, $now) RETURNING id
                """,
                ("$message", (object?)messageId ?? DBNull.Value), ("$subject", post.Subject), ("$kind", post.Kind.ToString()), ("$headline", post.Headline),
                ("$body", StoredPost.Body(post)),
                ("$corrects", (object?)corrects ?? DBNull.Value), ("$now", now));
            // One prepared statement for the whole fan-out: thousands of channels queue in one go.
            foreach (var name in channels)
            {
                statements.For("INSERT INTO deliveries (post_id, channel) VALUES ($post, $channel)", ("$post", postId), ("$channel", name)).ExecuteNonQuery();
            }

            if (corrects is not null)
            {
                statements.For(
                    """
                    INSERT OR IGNORE INTO deliveries (post_id, channel)
                    SELECT $post, d.channel FROM deliveries d JOIN subscriptions s ON s.channel = d.channel
                    WHERE d.post_id = $corrects AND d.failed_reason IS NULL
                    """,
                    ("$post", postId), ("$corrects", corrects.Value)).ExecuteNonQuery();
            }
        }
    }

    /// <summary>Posts queued for a channel and not yet sent, oldest first.</summary>
    private List<PendingDelivery> PendingDeliveriesCore(string channel)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT d.id, p.id, p.subject, p.kind, p.headline, p.body, p.corrects_post_id, p.created_at, original.platform_message_id, d.attempted_at,
                    -- Only a post that may already be out needs it (to look after it), so only those pay for the walk back.
                    CASE WHEN d.attempted_at IS NOT NULL THEN
                        (SELECT r.platform_message_id FROM deliveries r
                         WHERE r.channel = d.channel AND r.id < d.id AND r.platform_message_id IS NOT NULL AND r.failed_reason IS NULL
                         ORDER BY r.id DESC LIMIT 1)
                    END
                FROM deliveries d JOIN posts p ON p.id = d.post_id
                LEFT JOIN deliveries original ON original.post_id = p.corrects_post_id AND original.channel = d.channel
                    AND NOT EXISTS (SELECT 1 FROM deliveries other JOIN posts op ON op.id = other.post_id
                                    WHERE other.channel = original.channel AND other.platform_message_id = original.platform_message_id
                                    AND other.id <> original.id AND op.kind = 'Declaration')
                WHERE d.channel = $channel AND d.delivered_at IS NULL
                ORDER BY d.id
                """;
            command.Parameters.AddWithValue("$channel", channel);
            using var reader = command.ExecuteReader();
            var pending = new List<PendingDelivery>();
            while (reader.Read())
            {
                var post = StoredPost.Read(reader.GetString(3), reader.GetString(2), reader.GetString(4), reader.GetString(5));
                var queuedAt = DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                pending.Add(new PendingDelivery(reader.GetInt64(0), reader.GetInt64(1), channel, post, reader.IsDBNull(6) ? null : reader.GetInt64(6), queuedAt)
                {
                    CorrectsPlatformMessageId = reader.IsDBNull(8) ? null : reader.GetString(8),
                    Attempted = !reader.IsDBNull(9),
                    AttemptedAt = reader.IsDBNull(9) ? null : TryParse(reader.GetString(9)),
                    PreviousPlatformMessageId = reader.IsDBNull(10) ? null : reader.GetString(10),
                });
            }

            return pending;
        }
    }

    /// <summary>
    /// Records posts that went out as one message (a digest), all or none: a crash half way would leave the
    /// rest queued under a head that was never attempted, and they would go out again as a digest of their own.
    /// </summary>
    private void MarkDeliveredCore(IReadOnlyList<long> deliveryIds, string? platformMessageId) =>
        ForEachInOne(
            "UPDATE deliveries SET delivered_at = $now, platform_message_id = $pid WHERE id = $id",
            deliveryIds,
            ("$now", Now()),
            ("$pid", (object?)platformMessageId ?? DBNull.Value));

    /// <summary>
    /// The platform's id of a post as delivered to a channel, read now: a correction queued behind its
    /// original learns the id the original got moments ago. Null when it has not gone out, was refused, or
    /// went out inside a digest (editing that message would replace the other councils' headlines).
    /// </summary>
    private string? DeliveredMessageIdCore(long postId, string channel)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT d.platform_message_id FROM deliveries d
                WHERE d.post_id = $post AND d.channel = $channel AND d.platform_message_id IS NOT NULL AND d.failed_reason IS NULL
                AND NOT EXISTS (SELECT 1 FROM deliveries other JOIN posts op ON op.id = other.post_id
                                WHERE other.channel = d.channel AND other.platform_message_id = d.platform_message_id
                                AND other.id <> d.id AND op.kind = 'Declaration')
                """;
            command.Parameters.AddWithValue("$post", postId);
            command.Parameters.AddWithValue("$channel", channel);
            return command.ExecuteScalar() as string;
        }
    }

    /// <summary>
    /// When a post went out to a channel inside a digest: the digest's message id and the posts it carried,
    /// in order, each with the headline of its latest correction sent there (a digest is edited, not
    /// re-sent, when one of its results is corrected). Null when the post went out on its own or not at all.
    /// </summary>
    private DigestRecord? DigestCarryingCore(long postId, string channel)
    {
        lock (_gate)
        {
            using var find = _connection.CreateCommand();
            find.CommandText = """
                SELECT platform_message_id FROM deliveries
                WHERE post_id = $post AND channel = $channel AND platform_message_id IS NOT NULL AND failed_reason IS NULL
                """;
            find.Parameters.AddWithValue("$post", postId);
            find.Parameters.AddWithValue("$channel", channel);
            if (find.ExecuteScalar() is not string messageId)
            {
                return null;
            }

            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT p.id, p.subject, p.kind, p.body,
                    COALESCE((SELECT c.headline FROM posts c JOIN deliveries cd ON cd.post_id = c.id
                              WHERE c.corrects_post_id = p.id AND cd.channel = d.channel AND cd.delivered_at IS NOT NULL AND cd.failed_reason IS NULL
                              ORDER BY c.id DESC LIMIT 1), p.headline)
                FROM deliveries d JOIN posts p ON p.id = d.post_id
                WHERE d.channel = $channel AND d.platform_message_id = $message AND p.kind = 'Declaration' AND d.failed_reason IS NULL
                ORDER BY d.id
                """;
            command.Parameters.AddWithValue("$channel", channel);
            command.Parameters.AddWithValue("$message", messageId);
            using var reader = command.ExecuteReader();
            var posts = new List<(long, Post)>();
            while (reader.Read())
            {
                posts.Add((reader.GetInt64(0), StoredPost.Read(reader.GetString(2), reader.GetString(1), reader.GetString(4), reader.GetString(3))));
            }

            return posts.Count >= 2 ? new DigestRecord(messageId, posts) : null;
        }
    }

    /// <summary>Notes that posts are about to go out (every post of a digest in one transaction): after a crash, the resend knows it may already be there.</summary>
    private void MarkAttemptedCore(IReadOnlyList<long> deliveryIds) =>
        ForEachInOne("UPDATE deliveries SET attempted_at = $now WHERE id = $id AND attempted_at IS NULL", deliveryIds, ("$now", Now()));

    private void ForEachInOne(string sql, IReadOnlyList<long> deliveryIds, params (string Name, object Value)[] shared)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in shared)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var id = command.Parameters.Add("$id", SqliteType.Integer);
            foreach (var deliveryId in deliveryIds)
            {
                id.Value = deliveryId;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Settles a post that will never go out to this channel (the platform refused it for good).</summary>
    private void MarkFailedCore(long deliveryId, string reason) =>
        Write("UPDATE deliveries SET delivered_at = $now, failed_reason = $reason WHERE id = $id", ("$now", Now()), ("$reason", reason), ("$id", deliveryId));

    /// <summary>Channels with posts waiting, leaving out paused ones.</summary>
    private IReadOnlyList<string> ChannelsWithPendingCore()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT DISTINCT d.channel FROM deliveries d
                WHERE d.delivered_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.channel = d.channel AND s.paused_at IS NOT NULL)
                """;
            using var reader = command.ExecuteReader();
            var channels = new List<string>();
            while (reader.Read())
            {
                channels.Add(reader.GetString(0));
            }

            return channels;
        }
    }

    private IReadOnlyList<StoredSubscription> LoadSubscriptionsCore()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT channel, filter, origin, updated_by, updated_at, paused_at, paused_reason FROM subscriptions ORDER BY channel";
            using var reader = command.ExecuteReader();
            var subscriptions = new List<StoredSubscription>();
            while (reader.Read())
            {
                subscriptions.Add(new StoredSubscription(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Parse(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : Parse(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }

            return subscriptions;
        }
    }

    /// <summary>
    /// Subscribes channels in one transaction: configuration with thousands of channels costs one write to disk at
    /// start, not one each. "config" does not overwrite what a command set; a command also lifts a pause.
    /// </summary>
    private void SubscribeManyCore(IReadOnlyCollection<(string Channel, string Filter)> subscriptions, string origin, string updatedBy)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var sql = origin == "config"
            ? """
              INSERT INTO subscriptions (channel, filter, origin, updated_by, updated_at) VALUES ($channel, $filter, $origin, $by, $now)
              ON CONFLICT (channel) DO UPDATE SET filter = excluded.filter, updated_by = excluded.updated_by, updated_at = excluded.updated_at
              WHERE subscriptions.origin = 'config'
              """
            : """
              INSERT INTO subscriptions (channel, filter, origin, updated_by, updated_at) VALUES ($channel, $filter, $origin, $by, $now)
              ON CONFLICT (channel) DO UPDATE SET filter = excluded.filter, origin = excluded.origin, updated_by = excluded.updated_by,
              updated_at = excluded.updated_at, paused_at = NULL, paused_reason = NULL
              """;
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var channel = command.Parameters.Add("$channel", SqliteType.Text);
            var filter = command.Parameters.Add("$filter", SqliteType.Text);
            command.Parameters.AddWithValue("$origin", origin);
            command.Parameters.AddWithValue("$by", updatedBy);
            command.Parameters.AddWithValue("$now", Now());
            foreach (var subscription in subscriptions)
            {
                channel.Value = subscription.Channel;
                filter.Value = subscription.Filter;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Removes a channel's subscription and drops what was queued for it. Returns false when there was none.</summary>
    private bool UnsubscribeCore(string channel)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var drop = _connection.CreateCommand();
            drop.Transaction = transaction;
            drop.CommandText = "UPDATE deliveries SET delivered_at = $now, failed_reason = 'unsubscribed' WHERE channel = $channel AND delivered_at IS NULL";
            drop.Parameters.AddWithValue("$now", Now());
            drop.Parameters.AddWithValue("$channel", channel);
            drop.ExecuteNonQuery();
            using var remove = _connection.CreateCommand();
            remove.Transaction = transaction;
            remove.CommandText = "DELETE FROM subscriptions WHERE channel = $channel";
            remove.Parameters.AddWithValue("$channel", channel);
            var removed = remove.ExecuteNonQuery() > 0;
            transaction.Commit();
            return removed;
        }
    }

    /// <summary>Stops sending to a channel that cannot take posts; its queue is kept for when it is subscribed again.</summary>
    private void PauseCore(string channel, string reason) =>
        Write(
            """
            INSERT INTO subscriptions (channel, filter, origin, updated_by, updated_at, paused_at, paused_reason) VALUES ($channel, 'everything', 'config', 'bot', $now, $now, $reason)
            ON CONFLICT (channel) DO UPDATE SET paused_at = excluded.paused_at, paused_reason = excluded.paused_reason
            """,
            ("$channel", channel), ("$now", Now()), ("$reason", reason));

    private void SaveInstallCore(WorkspaceInstall install)
    {
        ArgumentNullException.ThrowIfNull(install);
        Write(
            """
            INSERT INTO workspace_installs (workspace_id, name, bot_user_id, sealed_token, installed_at) VALUES ($id, $name, $bot, $token, $at)
            ON CONFLICT (workspace_id) DO UPDATE SET name = excluded.name, bot_user_id = excluded.bot_user_id, sealed_token = excluded.sealed_token, installed_at = excluded.installed_at
            """,
            ("$id", install.WorkspaceId), ("$name", install.Name), ("$bot", install.BotUserId), ("$token", install.SealedToken),
            ("$at", install.InstalledAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
    }

    private List<WorkspaceInstall> ReadInstalls(string where, string? workspaceId)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT workspace_id, name, bot_user_id, sealed_token, installed_at FROM workspace_installs {where} ORDER BY workspace_id";
            if (workspaceId is not null)
            {
                command.Parameters.AddWithValue("$id", workspaceId);
            }

            using var reader = command.ExecuteReader();
            var installs = new List<WorkspaceInstall>();
            while (reader.Read())
            {
                installs.Add(new WorkspaceInstall(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Parse(reader.GetString(4))));
            }

            return installs;
        }
    }

    private bool RemoveInstallCore(string workspaceId)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM workspace_installs WHERE workspace_id = $id";
            command.Parameters.AddWithValue("$id", workspaceId);
            return command.ExecuteNonQuery() > 0;
        }
    }

    /// <summary>
    /// Writes and commits one small row: throws the store's fault (locked, full, read-only, damaged) if a
    /// real write would fail now. For the health probe, which runs in the background, not for readiness
    /// requests (a locked database makes this wait out the busy timeout).
    /// </summary>
    private void ProbeWriteCore() =>
        Write("INSERT INTO store_probe (id, probed_at) VALUES (1, $now) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at", ("$now", Now()));

    // Times are stored as round-trip UTC text, so text order is time order.
    private List<DeliveredPost> DeliveredSinceCore(string channel, DateTimeOffset since)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT d.platform_message_id, d.delivered_at, p.subject, p.kind, p.headline, p.body, c.subject, c.kind, c.headline, c.body
                FROM deliveries d JOIN posts p ON p.id = d.post_id LEFT JOIN posts c ON c.id = p.corrects_post_id
                WHERE d.channel = $channel AND d.delivered_at >= $since AND d.platform_message_id IS NOT NULL AND d.failed_reason IS NULL
                ORDER BY d.id
                """;
            command.Parameters.AddWithValue("$channel", channel);
            command.Parameters.AddWithValue("$since", Text(since));
            using var reader = command.ExecuteReader();
            var delivered = new List<DeliveredPost>();
            while (reader.Read())
            {
                var post = StoredPost.Read(reader.GetString(3), reader.GetString(2), reader.GetString(4), reader.GetString(5));
                var corrected = reader.IsDBNull(6) ? null : StoredPost.Read(reader.GetString(7), reader.GetString(6), reader.GetString(8), reader.GetString(9));
                delivered.Add(new DeliveredPost(reader.GetString(0), Parse(reader.GetString(1)), post, corrected));
            }

            return delivered;
        }
    }

    private List<PublishRecord> PublishesSinceCore(string channel, DateTimeOffset since)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT platform_message_id, outcome, recorded_at FROM publishes WHERE channel = $channel AND recorded_at >= $since ORDER BY id";
            command.Parameters.AddWithValue("$channel", channel);
            command.Parameters.AddWithValue("$since", Text(since));
            using var reader = command.ExecuteReader();
            var records = new List<PublishRecord>();
            while (reader.Read())
            {
                records.Add(new PublishRecord(reader.GetString(0), Enum.Parse<PublishOutcome>(reader.GetString(1)), Parse(reader.GetString(2))));
            }

            return records;
        }
    }

    private static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private int CountPostsCore()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM posts";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public void Dispose() => _connection.Dispose();

    private void Write(string sql, params (string Name, object Value)[] parameters)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            command.ExecuteNonQuery();
        }
    }

    private static DateTimeOffset? TryParse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static long? FirstPostAbout(TransactionStatements statements, string subject) =>
        statements.For("SELECT id FROM posts WHERE subject = $subject AND kind = 'Declaration' ORDER BY id LIMIT 1", ("$subject", subject))
            .ExecuteScalar() is long id ? id : null;

    private static long Insert(TransactionStatements statements, string sql, params ReadOnlySpan<(string Name, object Value)> parameters) =>
        (long)statements.For(sql, parameters).ExecuteScalar()!;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
