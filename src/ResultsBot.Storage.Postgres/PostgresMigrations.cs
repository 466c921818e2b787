using Npgsql;
using ResultsBot.Application.Storage;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// The schema's numbered versions, each recorded in schema_version when applied. All the missing ones go in one
/// transaction (PostgreSQL's DDL is transactional) under an advisory lock, so two bots starting together on one
/// database apply each migration once and a crash leaves the old schema or the new, never half. A database newer
/// than this program is refused before anything touches it.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>Any fixed number: held only while migrating, so two starting bots take turns.</summary>
    private const long MigrationLock = 0x5265_7375_6C74_7342; // "ResultsB"

    private static readonly string[] Migrations =
    [
        // 1: the tables as the SQLite store has them, with the same uniqueness that makes acceptance idempotent.
        """
        CREATE TABLE messages (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            key TEXT NOT NULL,
            revision INTEGER NOT NULL,
            origin TEXT NOT NULL,
            content BYTEA NOT NULL,
            accepted_at TIMESTAMPTZ NOT NULL,
            UNIQUE (key, revision)
        );
        CREATE TABLE posts (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            message_id BIGINT NULL REFERENCES messages (id), -- null: the bot's own news (feed alerts)
            subject TEXT NOT NULL,
            kind TEXT NOT NULL,
            headline TEXT NOT NULL,
            body TEXT NOT NULL,
            corrects_post_id BIGINT NULL REFERENCES posts (id),
            created_at TIMESTAMPTZ NOT NULL
        );
        CREATE INDEX posts_subject ON posts (subject, id);
        CREATE TABLE deliveries (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            post_id BIGINT NOT NULL REFERENCES posts (id),
            channel TEXT NOT NULL,
            delivered_at TIMESTAMPTZ NULL,
            platform_message_id TEXT NULL,
            attempted_at TIMESTAMPTZ NULL, -- set before sending: a resend after a crash looks first where it can
            failed_reason TEXT NULL, -- the platform refused this post for good, or the channel unsubscribed
            UNIQUE (post_id, channel)
        );
        CREATE INDEX deliveries_pending ON deliveries (channel, id) WHERE delivered_at IS NULL;
        CREATE INDEX deliveries_message ON deliveries (channel, platform_message_id) WHERE platform_message_id IS NOT NULL;
        CREATE TABLE subscriptions (
            channel TEXT PRIMARY KEY,
            filter TEXT NOT NULL,
            origin TEXT NOT NULL, -- 'config' or 'command'
            updated_by TEXT NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            paused_at TIMESTAMPTZ NULL,
            paused_reason TEXT NULL
        );
        CREATE TABLE store_probe ( -- one row, rewritten by the health probe to prove writes still work
            id INTEGER PRIMARY KEY CHECK (id = 1),
            probed_at TIMESTAMPTZ NOT NULL
        );
        """,

        // 2: announcement channels' publishes (what is owed follows from the deliveries; this says what was done).
        """
        CREATE TABLE publishes (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            channel TEXT NOT NULL,
            platform_message_id TEXT NOT NULL,
            outcome TEXT NOT NULL, -- 'Published' or 'GivenUp'
            recorded_at TIMESTAMPTZ NOT NULL,
            UNIQUE (channel, platform_message_id)
        );
        CREATE INDEX publishes_recent ON publishes (channel, recorded_at);
        CREATE INDEX deliveries_delivered ON deliveries (channel, delivered_at) WHERE platform_message_id IS NOT NULL;
        """,

        // 3: forum threads the bot opened, so a restart posts on in the same one (issue 19).
        """
        CREATE TABLE forum_threads (
            channel TEXT NOT NULL,
            title TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (channel, title)
        );
        """,

        // 4: the workspaces installed through Slack's OAuth flow, each with its token sealed by the operator's key.
        """
        CREATE TABLE workspace_installs (
            workspace_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            bot_user_id TEXT NOT NULL,
            sealed_token TEXT NOT NULL,
            installed_at TIMESTAMPTZ NOT NULL
        );
        """,

        // 5: Discord's global limit, one row a slot, taken by every instance from here (PostgresBotWideSlots, issue 18).
        """
        CREATE TABLE global_limit_slots (
            slot INTEGER PRIMARY KEY,
            holder_pid INTEGER,
            holder_started TIMESTAMPTZ,
            free_at TIMESTAMPTZ NOT NULL -- 'infinity' while its request is in flight
        );
        """,
    ];

    public static int Latest => Migrations.Length;

    public static void Apply(NpgsqlConnection connection, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)");
        var found = Version(connection);
        if (found > Latest)
        {
            throw SchemaVersions.NewerThanProgram(found, Latest);
        }

        for (var version = found + 1; version <= Latest; version++)
        {
            Execute(connection, Migrations[version - 1]);
            using var record = new NpgsqlCommand("INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)", connection);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
            record.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static int Version(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection);
        return (int)command.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
