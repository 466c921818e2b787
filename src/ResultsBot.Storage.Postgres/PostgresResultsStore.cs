using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ResultsBot.Application.Instances;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// Every accepted message and every post, in a PostgreSQL database, with the SQLite store's guarantees: accepting
/// messages and queueing their posts is one transaction; the same key and revision is taken once, by the unique key
/// with ON CONFLICT rather than a look first, so two writers that overlap can never both accept it or queue its posts;
/// a post is marked attempted before it is sent and delivered only after it went out. Each call takes a pooled
/// connection of its own, so calls from the feed loop and the delivery workers do not wait for one another.
/// </summary>
public sealed class PostgresResultsStore : IResultsStore
{
    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;
    private readonly PostgresInstanceCoordination? _deliveryLeases;

    private PostgresResultsStore(NpgsqlDataSource source, TimeProvider time, PostgresInstanceCoordination? deliveryLeases)
    {
        _source = source;
        _time = time;
        _deliveryLeases = deliveryLeases;
    }

    /// <summary>
    /// Connects and brings the schema up to date. A connection string that does not parse, a server out of reach or a
    /// database newer than this program throws <see cref="StorageException"/> naming the setting (never the password).
    /// </summary>
    /// <param name="deliveryLeases">
    /// The instance's coordination, when it shares the database with others: a post is then marked attempted only while
    /// the database shows this instance's session holding the channel's delivery lease, checked in the same statement.
    /// </param>
    public static PostgresResultsStore Open(string connectionString, TimeProvider time, PostgresInstanceCoordination? deliveryLeases = null)
    {
        NpgsqlDataSource source;
        string shown;
        try
        {
            // The slim builder maps only the types asked for, without reflection, so the Native AOT bot stays warning-free.
            var builder = new NpgsqlSlimDataSourceBuilder(connectionString);
            builder.EnableArrays();
            shown = WithoutPassword(builder.ConnectionStringBuilder);
            source = builder.Build();
        }
        catch (ArgumentException ex)
        {
            // The text itself is not repeated: it may carry a password.
            throw new StorageException($"ConnectionStrings:ResultsBot is not a PostgreSQL connection string that can be used: {ex.Message}", ex);
        }

        try
        {
            using (var connection = source.OpenConnection())
            {
                PostgresMigrations.Apply(connection, time.GetUtcNow());
            }

            return new PostgresResultsStore(source, time, deliveryLeases);
        }
        catch (NpgsqlException ex)
        {
            source.Dispose();
            throw new StorageException($"ConnectionStrings:ResultsBot ('{shown}') cannot be opened: {ex.Message}", PostgresFaults.Translate(ex));
        }
        catch (Exception ex) when (ex is StorageException or TimeoutException or InvalidOperationException)
        {
            source.Dispose();
            throw ex is StorageException ? ex : new StorageException($"ConnectionStrings:ResultsBot ('{shown}') cannot be opened: {ex.Message}", ex);
        }
    }

    private static string WithoutPassword(NpgsqlConnectionStringBuilder settings)
    {
        var copy = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        copy.Remove("Password");
        return copy.ConnectionString;
    }

    /// <summary>A server is not a file the bot could watch.</summary>
    public string? FilePath => null;

    public string? CheckFile() => null;

    public IReadOnlyList<StoredMessage> LoadMessages() => LoadMessagesAfter(0);

    public IReadOnlyList<StoredMessage> LoadMessagesAfter(long afterId) => Guard(() => Read(
        "SELECT id, key, revision, origin, content, accepted_at FROM messages WHERE id > $1 ORDER BY id",
        [Id(afterId)],
        r => new StoredMessage(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetFieldValue<byte[]>(4)) { AcceptedAt = r.GetFieldValue<DateTimeOffset>(5) }));

    public void AcceptAll(IReadOnlyList<AcceptedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Guard(() =>
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var now = _time.GetUtcNow();
            long last = 0;
            foreach (var (key, revision, origin, content, posts) in messages)
            {
                // A writer that loses the race waits here for the winner to commit, then inserts nothing.
                var messageId = Scalar<long?>(
                    connection,
                    "INSERT INTO messages (key, revision, origin, content, accepted_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key, revision) DO NOTHING RETURNING id",
                    Text(key), new NpgsqlParameter<int> { TypedValue = revision }, Text(origin), new NpgsqlParameter<byte[]> { TypedValue = content }, At(now));
                if (messageId is null)
                {
                    // All or nothing, as SQLite: the whole batch goes back and the caller reads it again.
                    throw new StorageException($"{origin}: {key} revision {revision} was already accepted");
                }

                QueuePosts(connection, messageId, posts, now);
                last = messageId.Value;
            }

            // Delivered at commit, and only then: every other instance reads the night on from here.
            StoreChanges.Notify(connection, StoreChanges.Accepted, last);
            transaction.Commit();
        });
    }

    public void Announce(Post post, IReadOnlyList<string> channels) => Guard(() =>
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        QueuePosts(connection, null, [new QueuedPost(post, channels)], _time.GetUtcNow());
        StoreChanges.Notify(connection, StoreChanges.Queued, 0); // the instance delivering its channel sends it, whoever queued it
        transaction.Commit();
    });

    private static void QueuePosts(NpgsqlConnection connection, long? messageId, IReadOnlyList<QueuedPost> queued, DateTimeOffset now)
    {
        foreach (var (post, channels) in queued)
        {
            var corrects = post.Kind == PostKind.Correction
                ? Scalar<long?>(connection, "SELECT id FROM posts WHERE subject = $1 AND kind = 'Declaration' ORDER BY id LIMIT 1", Text(post.Subject))
                : null;
            var body = StoredPost.Body(post);
            var postId = Scalar<long?>(
                connection,
                """
                INSERT INTO posts (message_id, subject, kind, headline, body, corrects_post_id, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """,
                Id(messageId), Text(post.Subject), Text(post.Kind.ToString()), Text(post.Headline), Text(body), Id(corrects), At(now))!.Value;

            // One statement for the whole fan-out: thousands of channels queue in one round trip. The same channel
            // twice breaks the unique key, and the transaction with it.
            Execute(
                connection,
                "INSERT INTO deliveries (post_id, channel) SELECT $1, channel FROM unnest($2::text[]) WITH ORDINALITY AS c (channel, n) ORDER BY n",
                Id(postId), new NpgsqlParameter<string[]> { TypedValue = [.. channels] });

            if (corrects is not null)
            {
                Execute(
                    connection,
                    """
                    INSERT INTO deliveries (post_id, channel)
                    SELECT $1, d.channel FROM deliveries d JOIN subscriptions s ON s.channel = d.channel
                    WHERE d.post_id = $2 AND d.failed_reason IS NULL
                    ORDER BY d.id
                    ON CONFLICT (post_id, channel) DO NOTHING
                    """,
                    Id(postId), Id(corrects));
            }
        }
    }

    public IReadOnlyList<PendingDelivery> PendingDeliveries(string channel) => Guard(() => Read(
        """
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
        WHERE d.channel = $1 AND d.delivered_at IS NULL
        ORDER BY d.id
        """,
        [Text(channel)],
        r => new PendingDelivery(r.GetInt64(0), r.GetInt64(1), channel, ReadPost(r, kind: 3, subject: 2, headline: 4, body: 5), r.IsDBNull(6) ? null : r.GetInt64(6), r.GetFieldValue<DateTimeOffset>(7))
        {
            CorrectsPlatformMessageId = r.IsDBNull(8) ? null : r.GetString(8),
            Attempted = !r.IsDBNull(9),
            AttemptedAt = r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9),
            PreviousPlatformMessageId = r.IsDBNull(10) ? null : r.GetString(10),
        }));

    /// <summary>All of a digest in one statement: a crash cannot leave half of it recorded.</summary>
    public void MarkDelivered(IReadOnlyList<long> deliveryIds, string? platformMessageId) => Guard(() => Execute(
        "UPDATE deliveries SET delivered_at = $1, platform_message_id = $2 WHERE id = ANY($3)",
        At(_time.GetUtcNow()), new NpgsqlParameter { Value = (object?)platformMessageId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }, Ids(deliveryIds)));

    public string? DeliveredMessageId(long postId, string channel) => Guard(() => Read(
        """
        SELECT d.platform_message_id FROM deliveries d
        WHERE d.post_id = $1 AND d.channel = $2 AND d.platform_message_id IS NOT NULL AND d.failed_reason IS NULL
        AND NOT EXISTS (SELECT 1 FROM deliveries other JOIN posts op ON op.id = other.post_id
                        WHERE other.channel = d.channel AND other.platform_message_id = d.platform_message_id
                        AND other.id <> d.id AND op.kind = 'Declaration')
        """,
        [Id(postId), Text(channel)],
        r => r.GetString(0)).FirstOrDefault());

    public DigestRecord? DigestCarrying(long postId, string channel) => Guard(() =>
    {
        var messageId = Read(
            "SELECT platform_message_id FROM deliveries WHERE post_id = $1 AND channel = $2 AND platform_message_id IS NOT NULL AND failed_reason IS NULL",
            [Id(postId), Text(channel)],
            r => r.GetString(0)).FirstOrDefault();
        if (messageId is null)
        {
            return null;
        }

        var posts = Read(
            """
            SELECT p.id, p.subject, p.kind, p.body,
                COALESCE((SELECT c.headline FROM posts c JOIN deliveries cd ON cd.post_id = c.id
                          WHERE c.corrects_post_id = p.id AND cd.channel = d.channel AND cd.delivered_at IS NOT NULL AND cd.failed_reason IS NULL
                          ORDER BY c.id DESC LIMIT 1), p.headline)
            FROM deliveries d JOIN posts p ON p.id = d.post_id
            WHERE d.channel = $1 AND d.platform_message_id = $2 AND p.kind = 'Declaration' AND d.failed_reason IS NULL
            ORDER BY d.id
            """,
            [Text(channel), Text(messageId)],
            r => (r.GetInt64(0), ReadPost(r, kind: 2, subject: 1, headline: 4, body: 3)));
        return posts.Count >= 2 ? new DigestRecord(messageId, posts) : null;
    });

    public IReadOnlyList<DeliveredPost> DeliveredSince(string channel, DateTimeOffset since) => Guard(() => Read(
        """
        SELECT d.platform_message_id, d.delivered_at, p.subject, p.kind, p.headline, p.body, c.subject, c.kind, c.headline, c.body
        FROM deliveries d JOIN posts p ON p.id = d.post_id LEFT JOIN posts c ON c.id = p.corrects_post_id
        WHERE d.channel = $1 AND d.delivered_at >= $2 AND d.platform_message_id IS NOT NULL AND d.failed_reason IS NULL
        ORDER BY d.id
        """,
        [Text(channel), At(since)],
        r => new DeliveredPost(
            r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), ReadPost(r, kind: 3, subject: 2, headline: 4, body: 5),
            r.IsDBNull(6) ? null : ReadPost(r, kind: 7, subject: 6, headline: 8, body: 9))));

    public IReadOnlyList<PublishRecord> PublishesSince(string channel, DateTimeOffset since) => Guard(() => Read(
        "SELECT platform_message_id, outcome, recorded_at FROM publishes WHERE channel = $1 AND recorded_at >= $2 ORDER BY id",
        [Text(channel), At(since)],
        r => new PublishRecord(r.GetString(0), Enum.Parse<PublishOutcome>(r.GetString(1)), r.GetFieldValue<DateTimeOffset>(2))));

    public void RecordPublish(string channel, string platformMessageId, PublishOutcome outcome) => Guard(() => Execute(
        "INSERT INTO publishes (channel, platform_message_id, outcome, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT (channel, platform_message_id) DO NOTHING",
        Text(channel), Text(platformMessageId), Text(outcome.ToString()), At(_time.GetUtcNow())));

    /// <summary>
    /// Before the send, every post of a digest in one statement; the first attempt's time is the one kept. Shared with
    /// other instances, the statement also asks the server whether this instance's coordination session still holds the
    /// channel's delivery lease: the server frees a lock as soon as it ends a session, and this instance may hear of it
    /// only at its next beat or after a timeout, seconds in which the next holder may already be sending. The mark and
    /// the send after it happen only while the lock is held, so at most a send already past its mark overlaps a takeover,
    /// and the next holder, seeing it marked, looks for it on the platform before sending again.
    /// </summary>
    public void MarkAttempted(string channel, IReadOnlyList<long> deliveryIds) => Guard(() =>
    {
        if (_deliveryLeases is null)
        {
            Execute("UPDATE deliveries SET attempted_at = $1 WHERE id = ANY($2) AND attempted_at IS NULL", At(_time.GetUtcNow()), Ids(deliveryIds));
            return;
        }

        if (_deliveryLeases.DeliveryLeaseOn(channel) is not { } lease)
        {
            throw new DeliveryLeaseLostException(channel, "it is not among the delivery partitions this instance holds");
        }

        using var connection = _source.OpenConnection();
        var held = Scalar<bool>(
            connection,
            """
            WITH held AS (
                SELECT EXISTS (
                    SELECT 1 FROM pg_locks
                    WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND pid = $3 AND classid::bigint = $4 AND objid::bigint = $5
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS ok),
            marked AS (
                UPDATE deliveries SET attempted_at = $1 WHERE id = ANY($2) AND attempted_at IS NULL AND (SELECT ok FROM held))
            SELECT ok FROM held
            """,
            At(_time.GetUtcNow()),
            Ids(deliveryIds),
            new NpgsqlParameter<int> { TypedValue = lease.SessionPid },
            new NpgsqlParameter<long> { TypedValue = lease.Kind },
            new NpgsqlParameter<long> { TypedValue = lease.Key });
        if (!held)
        {
            _deliveryLeases.Doubt(channel, lease);
            throw new DeliveryLeaseLostException(channel, "the database shows its delivery partition held by no session of this instance");
        }
    });

    public void MarkFailed(long deliveryId, string reason) => Guard(() => Execute(
        "UPDATE deliveries SET delivered_at = $1, failed_reason = $2 WHERE id = $3", At(_time.GetUtcNow()), Text(reason), Id(deliveryId)));

    public IReadOnlyList<string> ChannelsWithPending() => Guard(() => Read(
        """
        SELECT DISTINCT d.channel FROM deliveries d
        WHERE d.delivered_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.channel = d.channel AND s.paused_at IS NOT NULL)
        """,
        [],
        r => r.GetString(0)));

    public IReadOnlyList<StoredSubscription> LoadSubscriptions() => Guard(() => Read(
        // COLLATE "C": the same byte order as SQLite, whatever locale the server was made with.
        """SELECT channel, filter, origin, updated_by, updated_at, paused_at, paused_reason FROM subscriptions ORDER BY channel COLLATE "C" """,
        [],
        r => new StoredSubscription(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
            r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetString(6))));

    /// <summary>
    /// Every subscription in one transaction and one round trip. "config" does not overwrite what a command set; a
    /// command also lifts a pause.
    /// </summary>
    public void SubscribeMany(IReadOnlyCollection<(string Channel, string Filter)> subscriptions, string origin, string updatedBy)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var sql = origin == "config"
            ? """
              INSERT INTO subscriptions (channel, filter, origin, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
              ON CONFLICT (channel) DO UPDATE SET filter = excluded.filter, updated_by = excluded.updated_by, updated_at = excluded.updated_at
              WHERE subscriptions.origin = 'config'
              """
            : """
              INSERT INTO subscriptions (channel, filter, origin, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
              ON CONFLICT (channel) DO UPDATE SET filter = excluded.filter, origin = excluded.origin, updated_by = excluded.updated_by,
              updated_at = excluded.updated_at, paused_at = NULL, paused_reason = NULL
              """;
        if (subscriptions.Count == 0)
        {
            return;
        }

        Guard(() =>
        {
            var now = _time.GetUtcNow();
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var (channel, filter) in subscriptions)
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.AddRange(new NpgsqlParameter[] { Text(channel), Text(filter), Text(origin), Text(updatedBy), At(now) });
                batch.BatchCommands.Add(command);
            }

            batch.ExecuteNonQuery();
            StoreChanges.Notify(connection, StoreChanges.Subscriptions, 0);
            transaction.Commit();
        });
    }

    public bool Unsubscribe(string channel) => Guard(() =>
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "UPDATE deliveries SET delivered_at = $1, failed_reason = 'unsubscribed' WHERE channel = $2 AND delivered_at IS NULL", At(_time.GetUtcNow()), Text(channel));
        var removed = Execute(connection, "DELETE FROM subscriptions WHERE channel = $1", Text(channel)) > 0;
        StoreChanges.Notify(connection, StoreChanges.Subscriptions, 0);
        transaction.Commit();
        return removed;
    });

    public void Pause(string channel, string reason) => Guard(() =>
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(
            connection,
            """
            INSERT INTO subscriptions (channel, filter, origin, updated_by, updated_at, paused_at, paused_reason) VALUES ($1, 'everything', 'config', 'bot', $2, $2, $3)
            ON CONFLICT (channel) DO UPDATE SET paused_at = excluded.paused_at, paused_reason = excluded.paused_reason
            """,
            Text(channel), At(_time.GetUtcNow()), Text(reason));
        StoreChanges.Notify(connection, StoreChanges.Subscriptions, 0);
        transaction.Commit();
    });

    public void SaveInstall(WorkspaceInstall install)
    {
        ArgumentNullException.ThrowIfNull(install);
        Guard(() => Execute(
            """
            INSERT INTO workspace_installs (workspace_id, name, bot_user_id, sealed_token, installed_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (workspace_id) DO UPDATE SET name = excluded.name, bot_user_id = excluded.bot_user_id, sealed_token = excluded.sealed_token, installed_at = excluded.installed_at
            """,
            Text(install.WorkspaceId), Text(install.Name), Text(install.BotUserId), Text(install.SealedToken), At(install.InstalledAt)));
    }

    public WorkspaceInstall? FindInstall(string workspaceId) => Guard(() => Read(
        "SELECT workspace_id, name, bot_user_id, sealed_token, installed_at FROM workspace_installs WHERE workspace_id = $1",
        [Text(workspaceId)],
        ReadInstall).FirstOrDefault());

    public IReadOnlyList<WorkspaceInstall> LoadInstalls() => Guard(() => Read(
        """SELECT workspace_id, name, bot_user_id, sealed_token, installed_at FROM workspace_installs ORDER BY workspace_id COLLATE "C" """,
        [],
        ReadInstall));

    public bool RemoveInstall(string workspaceId) => Guard(() => Execute("DELETE FROM workspace_installs WHERE workspace_id = $1", Text(workspaceId)) > 0);

    private static WorkspaceInstall ReadInstall(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4));

    /// <summary>Writes and commits one small row: throws the store's fault if a real write would fail now.</summary>
    public void ProbeWrite() => Guard(() => Execute(
        "INSERT INTO store_probe (id, probed_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at", At(_time.GetUtcNow())));

    public int CountPosts() => Guard(() =>
    {
        using var connection = _source.OpenConnection();
        return (int)Scalar<long?>(connection, "SELECT COUNT(*) FROM posts")!.Value;
    });

    public string? FindForumThread(string channel, string title) => Guard(() =>
    {
        using var connection = _source.OpenConnection();
        return Scalar<string>(connection, "SELECT thread_id FROM forum_threads WHERE channel = $1 AND title = $2", Text(channel), Text(title));
    });

    public void RememberForumThread(string channel, string title, string threadId) => Guard(() => Execute(
        "INSERT INTO forum_threads (channel, title, thread_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (channel, title) DO NOTHING",
        Text(channel), Text(title), Text(threadId), At(_time.GetUtcNow())));

    public void Dispose() => _source.Dispose();

    private static Post ReadPost(NpgsqlDataReader reader, int kind, int subject, int headline, int body)
    {
        return StoredPost.Read(reader.GetString(kind), reader.GetString(subject), reader.GetString(headline), reader.GetString(body));
    }

    private List<T> Read<T>(string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> row)
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private int Execute(string sql, params NpgsqlParameter[] parameters)
    {
        using var connection = _source.OpenConnection();
        return Execute(connection, sql, parameters);
    }

    private static int Execute(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command.ExecuteNonQuery();
    }

    private static T? Scalar<T>(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? (T)value : default;
    }

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    private static NpgsqlParameter<DateTimeOffset> At(DateTimeOffset value) => new() { TypedValue = value };

    private static NpgsqlParameter Id(long? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };

    private static NpgsqlParameter<long[]> Ids(IReadOnlyList<long> values) => new() { TypedValue = [.. values] };

    // The ports translate the driver's faults into the store's, as SQLite's do.
    private static T Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (NpgsqlException ex)
        {
            throw PostgresFaults.Translate(ex);
        }
    }

    private static void Guard(Action call) => Guard(() =>
    {
        call();
        return true;
    });
}
