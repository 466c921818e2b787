using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Storage;

/// <summary>
/// Every accepted message and every post, in SQLite. Accepting a message and queueing its posts is one
/// transaction, so a crash either keeps both or neither; a post is marked delivered only after it went
/// out, so at worst it repeats once after a crash.
/// </summary>
public sealed class SqliteResultsStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private SqliteResultsStore(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

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
            throw new StorageException($"ConnectionStrings:ResultsBot ('{connectionString}') cannot be opened: {ex.Message}", ex);
        }

        try
        {
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;");
            Execute(connection, Schema.Create);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StorageException($"ConnectionStrings:ResultsBot ('{connectionString}') is not a usable ResultsBot database: {ex.Message}", ex);
        }

        return new SqliteResultsStore(connection, time);
    }

    public IReadOnlyList<StoredMessage> LoadMessages()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, key, revision, origin, content FROM messages ORDER BY id";
            using var reader = command.ExecuteReader();
            var messages = new List<StoredMessage>();
            while (reader.Read())
            {
                messages.Add(new StoredMessage(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), (byte[])reader[4]));
            }

            return messages;
        }
    }

    /// <summary>Stores an accepted message and queues its posts for each channel, all or nothing.</summary>
    public void Accept(string key, int revision, string origin, byte[] content, IReadOnlyList<Post> posts, IReadOnlyList<string> channels)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var now = Now();
            var messageId = Insert(
                transaction,
                "INSERT INTO messages (key, revision, origin, content, accepted_at) VALUES ($key, $revision, $origin, $content, $now) RETURNING id",
                ("$key", key), ("$revision", revision), ("$origin", origin), ("$content", content), ("$now", now));

            QueuePosts(transaction, messageId, posts, channels, now);
            transaction.Commit();
        }
    }

    /// <summary>Queues a post of the bot's own (a feed alert) that no feed message caused.</summary>
    public void Announce(Post post, IReadOnlyList<string> channels)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            QueuePosts(transaction, null, [post], channels, Now());
            transaction.Commit();
        }
    }

    private static void QueuePosts(SqliteTransaction transaction, long? messageId, IReadOnlyList<Post> posts, IReadOnlyList<string> channels, string now)
    {
        foreach (var post in posts)
        {
            var corrects = post.Kind == PostKind.Correction ? FirstPostAbout(transaction, post.Subject) : null;
            var postId = Insert(
                transaction,
                """
                INSERT INTO posts (message_id, subject, kind, headline, body, corrects_post_id, created_at)
                VALUES ($message, $subject, $kind, $headline, $body, $corrects, $now) RETURNING id
                """,
                ("$message", (object?)messageId ?? DBNull.Value), ("$subject", post.Subject), ("$kind", post.Kind.ToString()), ("$headline", post.Headline),
                ("$body", JsonSerializer.Serialize(new PostBody([.. post.Sections.Select(x => new PostBodySection(x.Label, x.Text))], post.Colour, post.Footer), PostJson.Default.PostBody)),
                ("$corrects", (object?)corrects ?? DBNull.Value), ("$now", now));
            // One prepared statement for the whole fan-out: thousands of channels queue in one go.
            using var delivery = transaction.Connection!.CreateCommand();
            delivery.Transaction = transaction;
            delivery.CommandText = "INSERT INTO deliveries (post_id, channel) VALUES ($post, $channel)";
            delivery.Parameters.AddWithValue("$post", postId);
            var channel = delivery.Parameters.Add("$channel", SqliteType.Text);
            delivery.Prepare();
            foreach (var name in channels)
            {
                channel.Value = name;
                delivery.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Posts queued for a channel and not yet sent, oldest first.</summary>
    public IReadOnlyList<PendingDelivery> PendingDeliveries(string channel)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT d.id, p.id, p.subject, p.kind, p.headline, p.body, p.corrects_post_id, p.created_at, original.platform_message_id
                FROM deliveries d JOIN posts p ON p.id = d.post_id
                LEFT JOIN deliveries original ON original.post_id = p.corrects_post_id AND original.channel = d.channel
                WHERE d.channel = $channel AND d.delivered_at IS NULL
                ORDER BY d.id
                """;
            command.Parameters.AddWithValue("$channel", channel);
            using var reader = command.ExecuteReader();
            var pending = new List<PendingDelivery>();
            while (reader.Read())
            {
                var body = JsonSerializer.Deserialize(reader.GetString(5), PostJson.Default.PostBody) ?? new PostBody([], null, null);
                var post = new Post(Enum.Parse<PostKind>(reader.GetString(3)), reader.GetString(2), reader.GetString(4), [.. body.Sections.Select(x => new PostSection(x.Label, x.Text))])
                {
                    Colour = body.Colour,
                    Footer = body.Footer,
                };
                var queuedAt = DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                pending.Add(new PendingDelivery(reader.GetInt64(0), reader.GetInt64(1), channel, post, reader.IsDBNull(6) ? null : reader.GetInt64(6), queuedAt)
                {
                    CorrectsPlatformMessageId = reader.IsDBNull(8) ? null : reader.GetString(8),
                });
            }

            return pending;
        }
    }

    public void MarkDelivered(long deliveryId, string? platformMessageId = null)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE deliveries SET delivered_at = $now, platform_message_id = $pid WHERE id = $id";
            command.Parameters.AddWithValue("$now", Now());
            command.Parameters.AddWithValue("$pid", (object?)platformMessageId ?? DBNull.Value);
            command.Parameters.AddWithValue("$id", deliveryId);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>True when the store can take a write now (for readiness): takes the write lock and lets it go.</summary>
    public bool CanWrite()
    {
        lock (_gate)
        {
            try
            {
                Execute(_connection, "BEGIN IMMEDIATE; ROLLBACK;");
                return true;
            }
            catch (SqliteException)
            {
                return false;
            }
        }
    }

    public int CountPosts()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM posts";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public void Dispose() => _connection.Dispose();

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static long? FirstPostAbout(SqliteTransaction transaction, string subject)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id FROM posts WHERE subject = $subject AND kind = 'Declaration' ORDER BY id LIMIT 1";
        command.Parameters.AddWithValue("$subject", subject);
        return command.ExecuteScalar() is long id ? id : null;
    }

    private static long Insert(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
