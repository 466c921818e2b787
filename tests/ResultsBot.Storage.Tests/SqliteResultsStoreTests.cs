using ResultsBot.Application.Storage;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Storage.Tests;

public sealed class SqliteResultsStoreTests : IDisposable
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("<LocalElectionResult revision='1'/>");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "resultsbot-store-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 3, 0, 0, TimeSpan.Zero));

    public SqliteResultsStoreTests() => Directory.CreateDirectory(_directory);

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "bot.db")}";

    [Fact]
    public void Open_DatabaseFromBeforeSubscriptions_GainsTheNewColumnsAndKeepsItsPosts()
    {
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString + ";Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, revision INTEGER NOT NULL, origin TEXT NOT NULL, content BLOB NOT NULL, accepted_at TEXT NOT NULL, UNIQUE (key, revision));
                CREATE TABLE posts (id INTEGER PRIMARY KEY AUTOINCREMENT, message_id INTEGER NULL, subject TEXT NOT NULL, kind TEXT NOT NULL, headline TEXT NOT NULL, body TEXT NOT NULL, corrects_post_id INTEGER NULL, created_at TEXT NOT NULL);
                CREATE TABLE deliveries (id INTEGER PRIMARY KEY AUTOINCREMENT, post_id INTEGER NOT NULL, channel TEXT NOT NULL, delivered_at TEXT NULL, platform_message_id TEXT NULL, UNIQUE (post_id, channel));
                INSERT INTO posts (subject, kind, headline, body, created_at) VALUES ('council/adur', 'Declaration', 'Labour gain Adur from Conservatives', '{"Sections":[]}', '2026-05-08T03:00:00.0000000+00:00');
                INSERT INTO deliveries (post_id, channel) VALUES (1, 'console');
                """;
            create.ExecuteNonQuery();
        }

        using var store = SqliteResultsStore.Open(ConnectionString, _time);
        var pending = Assert.Single(store.PendingDeliveries("console"));
        store.MarkAttempted(pending.Channel, pending.DeliveryId);

        Assert.Equal("Labour gain Adur from Conservatives", pending.Post.Headline);
        Assert.True(Assert.Single(store.PendingDeliveries("console")).Attempted);
    }

    [Fact]
    public void Open_DatabaseFromBeforeSchemaVersions_TakesEveryMigrationAndKeepsItsNight()
    {
        // As the bot left a database before versions were counted: the full schema, PRAGMA user_version still 0.
        using (var store = SqliteResultsStore.Open(ConnectionString, _time))
        {
            store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["console"]);
        }

        Pragma("PRAGMA user_version = 0");

        using var reopened = SqliteResultsStore.Open(ConnectionString, _time);

        Assert.Equal(4L, Pragma("PRAGMA user_version"));
        Assert.Equal("Labour hold Adur", Assert.Single(reopened.PendingDeliveries("console")).Post.Headline);
        Assert.Single(reopened.LoadMessages());
    }

    [Fact]
    public void RememberForumThread_ThenReopen_TheThreadIsStillKnown()
    {
        using (var store = SqliteResultsStore.Open(ConnectionString, _time))
        {
            store.RememberForumThread("discord:15", "Local elections 2024: results", "9001");
        }

        using var reopened = SqliteResultsStore.Open(ConnectionString, _time);
        Assert.Equal("9001", reopened.FindForumThread("discord:15", "Local elections 2024: results"));
    }

    [Fact]
    public void Open_Version3Database_GainsTheWorkspaceInstallsAndKeepsItsNight()
    {
        using (var store = SqliteResultsStore.Open(ConnectionString, _time))
        {
            store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["console"]);
        }

        // As version 3 left it: no workspace_installs table yet.
        Pragma("DROP TABLE workspace_installs");
        Pragma("PRAGMA user_version = 3");

        using var reopened = SqliteResultsStore.Open(ConnectionString, _time);
        reopened.SaveInstall(new WorkspaceInstall("T0AAAA", "Party HQ", "U0BOT", "sealed", _time.GetUtcNow()));

        Assert.Equal(4L, Pragma("PRAGMA user_version"));
        Assert.Equal("Party HQ", reopened.FindInstall("T0AAAA")?.Name);
        Assert.Equal("Labour hold Adur", Assert.Single(reopened.PendingDeliveries("console")).Post.Headline);
    }

    [Fact]
    public void Open_DatabaseFromANewerResultsBot_IsRefusedSayingBothVersionsAndLeftAsItWas()
    {
        Pragma("PRAGMA user_version = 5");

        var refused = Assert.Throws<StorageException>(() => SqliteResultsStore.Open(ConnectionString, _time));

        Assert.Equal("ConnectionStrings:ResultsBot: the database was made by a newer ResultsBot (schema 5; this one knows up to 4)", refused.Message);
        Assert.Equal(0L, Pragma("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public void Accept_ThenReopen_MessageAndUnsentPostSurvive()
    {
        using (var store = SqliteResultsStore.Open(ConnectionString, _time))
        {
            store.Accept("council/bolton", 1, "Bolton_1.xml", Content, [Post("council/bolton", "Bolton stays under no overall control")], ["console"]);
        }

        using var reopened = SqliteResultsStore.Open(ConnectionString, _time);
        var message = Assert.Single(reopened.LoadMessages());
        Assert.Equal(("council/bolton", 1, "Bolton_1.xml"), (message.Key, message.Revision, message.Origin));
        Assert.Equal(Content, message.Content);
        var pending = Assert.Single(reopened.PendingDeliveries("console"));
        Assert.Equal("Bolton stays under no overall control", pending.Post.Headline);
        Assert.Equal(["line one", "line two"], pending.Post.Lines);
        Assert.Equal(_time.GetUtcNow(), pending.QueuedAt);
    }

    [Fact]
    public void MarkDelivered_PostIsNoLongerPendingAfterReopen()
    {
        using (var store = SqliteResultsStore.Open(ConnectionString, _time))
        {
            store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["console", "discord:1"]);
            store.MarkDelivered(store.PendingDeliveries("console").Single().DeliveryId);
        }

        using var reopened = SqliteResultsStore.Open(ConnectionString, _time);
        Assert.Empty(reopened.PendingDeliveries("console"));
        Assert.Single(reopened.PendingDeliveries("discord:1"));
    }

    [Fact]
    public void Open_DirectoryMissing_ThrowsNamingTheSetting()
    {
        var ex = Assert.Throws<StorageException>(() => SqliteResultsStore.Open("Data Source=/no/such/dir/bot.db", _time));

        Assert.StartsWith("ConnectionStrings:ResultsBot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotAConnectionString_ThrowsNamingTheSetting()
    {
        var ex = Assert.Throws<StorageException>(() => SqliteResultsStore.Open("this is not one", _time));

        Assert.StartsWith("ConnectionStrings:ResultsBot", ex.Message, StringComparison.Ordinal);
    }

    private object? Pragma(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Post Post(string subject, string headline, PostKind kind = PostKind.Declaration) =>
        new(kind, subject, headline, ["line one", "line two"]);
}
