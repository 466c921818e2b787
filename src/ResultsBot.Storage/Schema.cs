namespace ResultsBot.Storage;

internal static class Schema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL,
            revision INTEGER NOT NULL,
            origin TEXT NOT NULL,
            content BLOB NOT NULL,
            accepted_at TEXT NOT NULL,
            UNIQUE (key, revision)
        );
        CREATE TABLE IF NOT EXISTS posts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id INTEGER NULL REFERENCES messages(id), -- null: the bot's own news (feed alerts)
            subject TEXT NOT NULL,
            kind TEXT NOT NULL,
            headline TEXT NOT NULL,
            body TEXT NOT NULL,
            corrects_post_id INTEGER NULL REFERENCES posts(id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS posts_subject ON posts (subject, id);
        CREATE TABLE IF NOT EXISTS deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            post_id INTEGER NOT NULL REFERENCES posts(id),
            channel TEXT NOT NULL,
            delivered_at TEXT NULL,
            platform_message_id TEXT NULL,
            attempted_at TEXT NULL, -- set before sending: a resend after a crash looks first where it can
            failed_reason TEXT NULL, -- the platform refused this post for good, or the channel unsubscribed
            UNIQUE (post_id, channel)
        );
        CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries (channel, id) WHERE delivered_at IS NULL;
        CREATE TABLE IF NOT EXISTS subscriptions (
            channel TEXT PRIMARY KEY,
            filter TEXT NOT NULL,
            origin TEXT NOT NULL, -- 'config' or 'command'
            updated_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            paused_at TEXT NULL,
            paused_reason TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS store_probe ( -- one row, rewritten by the health probe to prove writes still work
            id INTEGER PRIMARY KEY CHECK (id = 1),
            probed_at TEXT NOT NULL
        );
        """;

    /// <summary>Columns added since the first release, for databases made before them.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("deliveries", "attempted_at", "TEXT NULL"),
        ("deliveries", "failed_reason", "TEXT NULL"),
    ];
}
