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
        store.MarkAttempted(pending.DeliveryId);

        Assert.Equal("Labour gain Adur from Conservatives", pending.Post.Headline);
        Assert.True(Assert.Single(store.PendingDeliveries("console")).Attempted);
    }

    [Fact]
    public void Accept_Correction_FollowsTheOriginalToEverySubscribedChannelThatHadIt()
    {
        using var store = SqliteResultsStore.Open(ConnectionString, _time);
        store.Subscribe("discord:1", "everything", "command", "U1");
        store.Subscribe("slack:C1", "region London", "command", "U1");
        store.Accept("council/bolton", 1, "Bolton_1.xml", Content, [Post("council/bolton", "Bolton stays under no overall control")], ["discord:1", "slack:C1"]);
        store.Subscribe("slack:C1", "party Green", "command", "U1"); // the filter changed since: the correction still follows

        store.Accept("council/bolton", 2, "Bolton_2.xml", Content, [new QueuedPost(new Post(PostKind.Correction, "council/bolton", "Correction: Labour gain Bolton", ["x"]), ["discord:1"])]);

        Assert.Equal(["Bolton stays under no overall control", "Correction: Labour gain Bolton"], store.PendingDeliveries("slack:C1").Select(d => d.Post.Headline));
        Assert.Equal(2, store.PendingDeliveries("discord:1").Count);
    }

    [Fact]
    public void SubscribeMany_FromConfiguration_AddsNewChannelsAndLeavesAFilterSetByCommand()
    {
        using var store = SqliteResultsStore.Open(ConnectionString, _time);
        store.Subscribe("discord:2", "party Green", "command", "U1");

        store.SubscribeMany([("discord:1", "everything"), ("discord:2", "everything"), ("slack:C1", "region London")], "config", "configuration");

        Assert.Equal(
            [("discord:1", "everything", "config"), ("discord:2", "party Green", "command"), ("slack:C1", "region London", "config")],
            store.LoadSubscriptions().Select(s => (s.Channel, s.Filter, s.Origin)));
    }

    [Fact]
    public void Pause_ThenSubscribeAgain_ChannelIsBackWithItsQueue()
    {
        using var store = SqliteResultsStore.Open(ConnectionString, _time);
        store.Subscribe("discord:1", "everything", "command", "U1");
        store.Accept("council/bolton", 1, "Bolton_1.xml", Content, [Post("council/bolton", "Bolton stays under no overall control")], ["discord:1"]);

        store.Pause("discord:1", "Unknown Channel");
        var paused = store.ChannelsWithPending();
        store.Subscribe("discord:1", "everything", "config", "configuration"); // configuration alone does not resume it
        var stillPaused = store.ChannelsWithPending();
        store.Subscribe("discord:1", "everything", "command", "U1");

        Assert.Empty(paused);
        Assert.Empty(stillPaused);
        Assert.Equal(["discord:1"], store.ChannelsWithPending());
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
    public void Accept_StructuredPost_ComesBackWithFieldsColourAndFooter()
    {
        var post = new Post(PostKind.Declaration, "council/thurrock", "Reform UK gain Thurrock from Labour", [PostSection.Plain("Whole council up: 49 seats"), new PostSection("New council", "Reform UK 25 (+21)")])
        {
            Colour = "#12B6CF",
            Footer = "PA Media · 8 May 2026, 04:00 UK time",
        };
        using var store = SqliteResultsStore.Open(ConnectionString, _time);

        store.Accept("council/thurrock", 1, "Thurrock_1.xml", Content, [post], ["console"]);

        var stored = Assert.Single(store.PendingDeliveries("console")).Post;
        Assert.Equal(post.Sections, stored.Sections);
        Assert.Equal((post.Colour, post.Footer), (stored.Colour, stored.Footer));
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
    public void Accept_Correction_LinksToThePostItCorrects()
    {
        using var store = SqliteResultsStore.Open(ConnectionString, _time);
        store.Accept("council/bolton", 1, "Bolton_1.xml", Content, [Post("council/bolton", "Bolton stays under no overall control")], ["console"]);
        var original = store.PendingDeliveries("console").Single();
        store.MarkDelivered(original.DeliveryId, "msg-1");

        store.Accept("council/bolton", 2, "Bolton_2.xml", Content, [Post("council/bolton", "Correction: Bolton stays under no overall control", PostKind.Correction)], ["console"]);

        var correction = Assert.Single(store.PendingDeliveries("console"));
        Assert.Equal(original.PostId, correction.CorrectsPostId);
        Assert.Equal("msg-1", correction.CorrectsPlatformMessageId);
    }

    [Fact]
    public void AcceptAll_DeclarationsAndACorrectionInOneBatch_EachPostKeepsItsOwnValues()
    {
        using var store = SqliteResultsStore.Open(ConnectionString, _time);

        store.AcceptAll(
        [
            new AcceptedMessage("council/adur", 1, "Adur_1.xml", Content, [new QueuedPost(Post("council/adur", "Labour gain Adur"), ["console"])]),
            new AcceptedMessage("council/bolton", 1, "Bolton_1.xml", Content, [new QueuedPost(Post("council/bolton", "Bolton stays under no overall control"), ["console", "c2"])]),
            new AcceptedMessage("council/adur", 2, "Adur_2.xml", Content, [new QueuedPost(Post("council/adur", "Correction: Labour gain Adur", PostKind.Correction), ["console"])]),
        ]);

        var pending = store.PendingDeliveries("console");
        Assert.Equal(["Labour gain Adur", "Bolton stays under no overall control", "Correction: Labour gain Adur"], pending.Select(p => p.Post.Headline));
        Assert.Null(pending[0].CorrectsPostId);
        Assert.Null(pending[1].CorrectsPostId);
        Assert.Equal(pending[0].PostId, pending[2].CorrectsPostId);
        Assert.Equal("Bolton stays under no overall control", Assert.Single(store.PendingDeliveries("c2")).Post.Headline);
        Assert.Equal([("council/adur", 1), ("council/bolton", 1), ("council/adur", 2)], store.LoadMessages().Select(m => (m.Key, m.Revision)));
    }

    [Fact]
    public void Accept_FailsPartWay_StoresNothing()
    {
        using var store = SqliteResultsStore.Open(ConnectionString, _time);

        // The same channel twice breaks the deliveries' uniqueness after the message and post were written.
        Assert.ThrowsAny<Exception>(() =>
            store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["console", "console"]));

        Assert.Empty(store.LoadMessages());
        Assert.Equal(0, store.CountPosts());
        Assert.Empty(store.PendingDeliveries("console"));
    }

    [Fact]
    public void Accept_SameKeyAndRevisionTwice_IsRefused()
    {
        using var store = SqliteResultsStore.Open(ConnectionString, _time);
        store.Accept("council/adur", 1, "Adur_1.xml", Content, [], ["console"]);

        Assert.ThrowsAny<Exception>(() => store.Accept("council/adur", 1, "copy.xml", Content, [], ["console"]));
        Assert.Single(store.LoadMessages());
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Post Post(string subject, string headline, PostKind kind = PostKind.Declaration) =>
        new(kind, subject, headline, ["line one", "line two"]);
}
