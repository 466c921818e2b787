using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Pa;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

public sealed class ResultsDeskTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Restore_AfterRestart_BookHasAcceptedResultsAndNothingIsQueuedAgain()
    {
        using (var store = Open())
        {
            var desk = Desk(store);
            desk.Take(Document("Local_Test_result_Bolton_1.xml"), Message("Local_Test_result_Bolton_1.xml"));
            desk.Take(Document("Local_Test_result_Bolton_2.xml"), Message("Local_Test_result_Bolton_2.xml"));
        }

        using var reopened = Open();
        var restarted = Desk(reopened);
        Assert.Equal(2, restarted.Restore());
        Assert.Equal(2, restarted.Book.DeclarationFor("bolton")!.Revision);
        var pendingBefore = reopened.PendingDeliveries("console").Count;

        var again = restarted.Take(Document("Local_Test_result_Bolton_1.xml"), Message("Local_Test_result_Bolton_1.xml"));

        Assert.Equal(AcceptanceKind.Stale, again.Kind);
        Assert.Equal(pendingBefore, reopened.PendingDeliveries("console").Count);
    }

    [Fact]
    public void CatchUp_AnotherInstanceAcceptedResults_TheBookHasThemAndTakingThemAgainQueuesNothing()
    {
        using var store = Open();
        var reader = Desk(store);
        var standby = Desk(store);
        standby.Restore();
        reader.Take(Document("Local_Test_result_Bolton_1.xml"), Message("Local_Test_result_Bolton_1.xml"));
        reader.Take(Document("Local_Test_result_Adur_1.xml"), Message("Local_Test_result_Adur_1.xml"));

        Assert.Equal(2, standby.CatchUp());
        Assert.Equal(0, standby.CatchUp()); // read on from the last one: nothing new
        Assert.Equal(reader.Book.DeclaredCount, standby.Book.DeclaredCount);
        Assert.Equal(1, standby.Book.DeclarationFor("adur")!.Revision);
        var queued = store.PendingDeliveries("console").Count;
        Assert.Equal(AcceptanceKind.Stale, standby.Take(Document("Local_Test_result_Adur_1.xml"), Message("Local_Test_result_Adur_1.xml")).Kind);
        Assert.Equal(queued, store.PendingDeliveries("console").Count);
    }

    [Fact]
    public void Take_AMessageAnotherInstanceAcceptedFirst_IsStaleRatherThanAFailureAndTheRestAreTaken()
    {
        using var store = Open();
        var first = Desk(store);
        var second = Desk(store);
        first.Take(Document("Local_Test_result_Bolton_1.xml"), Message("Local_Test_result_Bolton_1.xml"));

        // The second has not caught up: its book says Bolton is new, and the store's unique key refuses it.
        var taken = second.TakeAll([
            (Document("Local_Test_result_Bolton_1.xml"), Message("Local_Test_result_Bolton_1.xml")),
            (Document("Local_Test_result_Adur_1.xml"), Message("Local_Test_result_Adur_1.xml")),
        ]);

        Assert.Equal([AcceptanceKind.Stale, AcceptanceKind.New], taken.Select(a => a.Kind));
        Assert.Equal(2, store.LoadMessages().Count);
        Assert.Equal(["Bolton stays under no overall control", "Labour hold Adur"], store.PendingDeliveries("console").Select(d => d.Post.Headline));
    }

    [Fact]
    public void Take_RevisionThatRepeatsTheResult_StoresItButPostsNothing()
    {
        using var store = Open();
        var desk = Desk(store);
        desk.Take(Document("Local_Test_result_Adur_1.xml"), Message("Local_Test_result_Adur_1.xml"));
        var repeat = PaFeedParser.Parse(Bytes("Local_Test_result_Adur_1.xml").Replace("revision='1'", "revision='2'", StringComparison.Ordinal).ToUtf8()).Messages.Single();

        var acceptance = desk.Take(new FeedDocument("Adur_2.xml", [1]), repeat);

        Assert.Equal(AcceptanceKind.Superseding, acceptance.Kind);
        Assert.Equal(2, store.LoadMessages().Count);
        Assert.Single(store.PendingDeliveries("console"));
    }

    [Fact]
    public void TakeAll_TheSampleNight_ShowsTheProgressAsTheBotsStatusAtEachMilestoneOnlyAndAgainAfterARestart()
    {
        var presence = new RecordingPresence();
        var sample = Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024");
        var night = Directory.GetFiles(sample, "*.xml").Order(StringComparer.Ordinal)
            .Select(f => (Document: new FeedDocument(f, File.ReadAllBytes(f)), Message: FeedParser.Parse(File.ReadAllBytes(f), Path.GetFileName(f)).Messages.Single()))
            .ToList();
        using (var store = Open())
        {
            var desk = Desk(store, presence);
            desk.Expect(night.Select(n => ((Domain.Messages.CouncilDeclaration)n.Message).Council.Name));
            foreach (var (document, message) in night)
            {
                desk.Take(document, message);
            }
        }

        Assert.Equal(["27 of 107 councils declared", "54 of 107 councils declared", "81 of 107 councils declared", "107 of 107 councils declared"], presence.Shown);

        using var reopened = Open();
        Desk(reopened, presence).Restore();
        Assert.Equal("107 councils declared", presence.Shown[^1]);
    }

    private sealed class RecordingPresence : ResultsBot.Platforms.IBotPresence
    {
        public List<string> Shown { get; } = [];

        public void Show(string watching) => Shown.Add(watching);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private SqliteResultsStore Open() => SqliteResultsStore.Open("Data Source=" + _dir.File("bot.db"), _time);

    private static ResultsDesk Desk(SqliteResultsStore store, ResultsBot.Platforms.IBotPresence? presence = null) =>
        new(
            store,
            new DeclarationPostComposer(CultureInfo.GetCultureInfo("en-GB")),
            new MilestoneComposer(CultureInfo.GetCultureInfo("en-GB")),
            ConsoleSubscribed(store),
            new FakeTimeProvider(),
            CultureInfo.GetCultureInfo("en-GB"),
            NullLogger<ResultsDesk>.Instance,
            presences: presence is null ? null : [presence]);

    private static ChannelSubscriptions ConsoleSubscribed(SqliteResultsStore store)
    {
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("console", Domain.Subscriptions.SubscriptionFilter.Everything, "config", "test");
        return subscriptions;
    }

    private static string Bytes(string name) => File.ReadAllText(Paths.SharedFeedFile(name));

    private static FeedDocument Document(string name) => new(name, File.ReadAllBytes(Paths.SharedFeedFile(name)));

    private static Domain.Messages.FeedMessage Message(string name) => PaFeedParser.Parse(File.ReadAllBytes(Paths.SharedFeedFile(name))).Messages.Single();
}

internal static class StringBytes
{
    public static byte[] ToUtf8(this string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
