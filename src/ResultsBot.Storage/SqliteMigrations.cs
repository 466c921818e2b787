using System.Globalization;
using Microsoft.Data.Sqlite;
using ResultsBot.Application.Storage;

namespace ResultsBot.Storage;

/// <summary>
/// The schema's numbered versions, kept in SQLite's own header field (PRAGMA user_version, which the bot never used
/// before): each one missing is applied at open, in one transaction with the new number, so a crash leaves the old
/// version or the new, never half. A database newer than this program is refused before anything touches it.
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>
    /// Version 1 is the schema as it stood before versions were counted. It only creates what is missing, so a
    /// database from before (user_version 0, tables present) takes it harmlessly and opens as it did.
    /// </summary>
    private static readonly Action<SqliteConnection>[] Migrations =
    [
        connection =>
        {
            Execute(connection, Schema.Create);
            AddMissingColumns(connection);
        },

        // 2: announcement channels' publishes (what is owed follows from the deliveries; this says what was done).
        connection => Execute(connection, """
            CREATE TABLE IF NOT EXISTS publishes (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                channel TEXT NOT NULL,
                platform_message_id TEXT NOT NULL,
                outcome TEXT NOT NULL, -- 'Published' or 'GivenUp'
                recorded_at TEXT NOT NULL,
                UNIQUE (channel, platform_message_id)
            );
            CREATE INDEX IF NOT EXISTS publishes_recent ON publishes (channel, recorded_at);
            CREATE INDEX IF NOT EXISTS deliveries_delivered ON deliveries (channel, delivered_at) WHERE platform_message_id IS NOT NULL;
            """),

        // 3: forum threads the bot opened, so a restart posts on in the same one (issue 19).
        connection => Execute(connection, """
            CREATE TABLE IF NOT EXISTS forum_threads (
                channel TEXT NOT NULL,
                title TEXT NOT NULL,
                thread_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (channel, title)
            )
            """),

        // 4: the workspaces installed through Slack's OAuth flow, each with its token sealed by the operator's key (IF NOT
        // EXISTS, as in 1: a database from before versions were counted may already hold it).
        connection => Execute(
            connection,
            """
            CREATE TABLE IF NOT EXISTS workspace_installs (
                workspace_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                bot_user_id TEXT NOT NULL,
                sealed_token TEXT NOT NULL,
                installed_at TEXT NOT NULL
            )
            """),
    ];

    public static int Latest => Migrations.Length;

    public static void Apply(SqliteConnection connection)
    {
        var found = Version(connection);
        if (found > Latest)
        {
            throw SchemaVersions.NewerThanProgram(found, Latest);
        }

        for (var version = found + 1; version <= Latest; version++)
        {
            using var transaction = connection.BeginTransaction();
            Migrations[version - 1](connection);
            // PRAGMA takes no parameters; the number is ours.
            Execute(connection, $"PRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)}");
            transaction.Commit();
        }
    }

    public static int Version(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Columns added before versions were counted, for databases made before them.</summary>
    private static void AddMissingColumns(SqliteConnection connection)
    {
        foreach (var (table, column, definition) in Schema.AddedColumns)
        {
            using var check = connection.CreateCommand();
            check.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if (Convert.ToInt32(check.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
