using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Posts;
using ResultsBot.Storage.Postgres;

namespace ResultsBot.Storage.Tests;

/// <summary>What the PostgreSQL store must do beyond the contract: two writers at once, its schema's versions, its faults.</summary>
[Collection(nameof(PostgresServer))]
public sealed class PostgresResultsStoreTests(PostgresServer server)
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("<LocalElectionResult revision='1'/>");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AcceptAll_TwoWritersOfferTheSameMessagesAtOnce_EachIsAcceptedAndQueuedOnce()
    {
        var database = server.NewDatabase();
        using var first = PostgresResultsStore.Open(database, _time);
        using var second = PostgresResultsStore.Open(database, _time);
        string[] channels = [.. Enumerable.Range(1, 50).Select(i => "discord:" + i.ToString(CultureInfo.InvariantCulture))];
        const int Rounds = 20;
        var refused = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var batch = new[] { "adur", "bury", "hull" }
                .Select(c => new AcceptedMessage($"council/{c}-{round}", 1, $"{c}_{round}.xml", Content, [new QueuedPost(Post($"council/{c}-{round}", $"Labour hold {c} {round}"), channels)]))
                .ToList();
            // Both start together, so the second's insert meets the first's uncommitted row rather than a committed one.
            using var start = new Barrier(2);
            var writers = new[] { first, second }.Select(store => Task.Run(() =>
            {
                start.SignalAndWait();
                try
                {
                    store.AcceptAll(batch);
                    return true;
                }
                catch (StorageException)
                {
                    return false;
                }
            }));
            var accepted = await Task.WhenAll(writers);
            Assert.Equal(1, accepted.Count(a => a));
            refused += accepted.Count(a => !a);
        }

        Assert.Equal(Rounds, refused);
        Assert.Equal(Rounds * 3, first.LoadMessages().Count);
        Assert.Equal(Rounds * 3, second.CountPosts());
        Assert.All(channels, channel => Assert.Equal(Rounds * 3, first.PendingDeliveries(channel).Count));
    }

    [Fact]
    public void AcceptAll_MessageAlreadyAccepted_RefusesTheWholeBatchSayingWhich()
    {
        using var store = PostgresResultsStore.Open(server.NewDatabase(), _time);
        store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["c1"]);

        var refused = Assert.Throws<StorageException>(() => store.AcceptAll(
        [
            new AcceptedMessage("council/bury", 1, "Bury_1.xml", Content, [new QueuedPost(Post("council/bury", "Labour hold Bury"), ["c1"])]),
            new AcceptedMessage("council/adur", 1, "copy.xml", Content, [new QueuedPost(Post("council/adur", "Labour hold Adur"), ["c1"])]),
        ]));

        Assert.Equal("copy.xml: council/adur revision 1 was already accepted", refused.Message);
        Assert.Equal(["Labour hold Adur"], store.PendingDeliveries("c1").Select(d => d.Post.Headline));
    }

    [Fact]
    public void Open_NewDatabase_IsAtTheLatestSchemaVersionAndReopensWithItsData()
    {
        var database = server.NewDatabase();
        using (var store = PostgresResultsStore.Open(database, _time))
        {
            store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["c1"]);
        }

        using var reopened = PostgresResultsStore.Open(database, _time);

        Assert.Equal([1, 2, 3, 4, 5], Versions(database));
        Assert.Equal("Labour hold Adur", Assert.Single(reopened.PendingDeliveries("c1")).Post.Headline);
    }

    [Fact]
    public async Task Open_TwoBotsStartTogetherOnANewDatabase_TheSchemaIsMadeOnce()
    {
        var database = server.NewDatabase();
        using var start = new Barrier(2);

        var stores = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return PostgresResultsStore.Open(database, _time);
        })));

        Assert.Equal([1, 2, 3, 4, 5], Versions(database));
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    [Fact]
    public void Open_DatabaseFromANewerResultsBot_IsRefusedSayingBothVersions()
    {
        var database = server.NewDatabase();
        PostgresResultsStore.Open(database, _time).Dispose();
        Sql(database, "INSERT INTO schema_version (version, applied_at) VALUES (7, now())");

        var refused = Assert.Throws<StorageException>(() => PostgresResultsStore.Open(database, _time));

        Assert.Equal("ConnectionStrings:ResultsBot: the database was made by a newer ResultsBot (schema 7; this one knows up to 5)", refused.Message);
    }

    [Fact]
    public void Open_NoServerThere_IsUnavailableNamingTheSettingButNotThePassword()
    {
        var refused = Assert.Throws<StorageException>(() =>
            PostgresResultsStore.Open($"Host=127.0.0.1;Port={UnusedPort()};Database=night;Username=bot;Password=hunter2;Timeout=5", _time));

        Assert.StartsWith("ConnectionStrings:ResultsBot ('Host=127.0.0.1;", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", refused.Message, StringComparison.Ordinal);
        Assert.True(StoreFaults.IsTransient(refused));
    }

    [Fact]
    public void Open_ConnectionStringThatDoesNotParse_NamesTheSettingWithoutRepeatingIt()
    {
        var refused = Assert.Throws<StorageException>(() => PostgresResultsStore.Open("Host=127.0.0.1;Port=notanumber;Password=hunter2", _time));

        Assert.StartsWith("ConnectionStrings:ResultsBot is not a PostgreSQL connection string that can be used: ", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_ConnectionsCutByTheServer_IsUnavailableThenTheStoreCarriesOn()
    {
        var database = server.NewDatabase();
        using var store = PostgresResultsStore.Open(database, _time);
        store.ProbeWrite(); // a pooled connection now open
        Sql(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");

        var cut = Assert.ThrowsAny<Exception>(store.ProbeWrite);
        store.ProbeWrite();

        Assert.IsType<StoreUnavailableException>(cut);
    }

    [Fact]
    public void Call_TheBotsTableDroppedFromUnderIt_IsDamaged()
    {
        var database = server.NewDatabase();
        using var store = PostgresResultsStore.Open(database, _time);
        Sql(database, "DROP TABLE deliveries");

        var damaged = Assert.ThrowsAny<Exception>(() => store.PendingDeliveries("c1"));

        Assert.True(StoreFaults.IsDamaged(damaged));
    }

    private static List<int> Versions(string database)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT version FROM schema_version ORDER BY version", connection);
        using var reader = command.ExecuteReader();
        var versions = new List<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static void Sql(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }

    private static Post Post(string subject, string headline) => new(PostKind.Declaration, subject, headline, ["line one"]);
}
