using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Posts;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Pa;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

/// <summary>The desk with mayoral messages and a real store: what is queued, what it corrects, and after a restart.</summary>
public sealed class CandidateDeskTests : IDisposable
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Take_CorrectedRush_IsQueuedAsACorrectionOfTheCall()
    {
        using var store = Open();
        var desk = Desk(store);

        // The call is taken at 01:23 UK time (BST); the correction says when that post went out.
        _time.SetUtcNow(new DateTimeOffset(2026, 5, 7, 0, 23, 0, TimeSpan.Zero));
        Take(desk, "Mayoral_Elections_Test_rush_Hackney_1.xml");
        _time.Advance(TimeSpan.FromMinutes(7));
        Take(desk, "Mayoral_Elections_Test_rush_Hackney_2.xml");

        var pending = store.PendingDeliveries("console");
        Assert.Equal(
            ["Hackney mayor: John Cooper Test (Labour) holds for Labour", "Correction — Hackney mayor: our 01:23 post said Labour hold; Greens gain from Labour"],
            pending.Select(p => p.Post.Headline));
        Assert.Equal(pending[0].PostId, pending[1].CorrectsPostId);
    }

    [Fact]
    public void Take_RushAfterResultAcrossARestart_QueuesNothing()
    {
        using (var store = Open())
        {
            var desk = Desk(store);
            Take(desk, "Mayoral_Elections_Test_rush_Hackney_1.xml");
            Take(desk, "Mayoral_Elections_Test_result_Hackney_1.xml");
        }

        using var reopened = Open();
        var restarted = Desk(reopened);
        Assert.Equal(2, restarted.Restore());

        Take(restarted, "Mayoral_Elections_Test_rush_Hackney_2.xml");

        Assert.Equal(
            [
                (PostKind.Declaration, "Hackney mayor: John Cooper Test (Labour) holds for Labour"),
                (PostKind.Declaration, "Full result — Hackney mayor: John Cooper Test (Labour) holds for Labour, beating Phil Griffin Test by 37,566 votes"),
            ],
            reopened.PendingDeliveries("console").Select(p => (p.Post.Kind, p.Post.Headline)));
        Assert.Equal(3, reopened.LoadMessages().Count);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static void Take(ResultsDesk desk, string name)
    {
        var document = new FeedDocument(name, File.ReadAllBytes(Paths.SharedFeedFile(name)));
        desk.Take(document, PaFeedParser.Parse(document.Content).Messages.Single());
    }

    private SqliteResultsStore Open() => SqliteResultsStore.Open("Data Source=" + _dir.File("bot.db"), _time);

    private ResultsDesk Desk(SqliteResultsStore store)
    {
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("console", Domain.Subscriptions.SubscriptionFilter.Everything, "config", "test");
        return new ResultsDesk(store, new DeclarationPostComposer(EnGb), new MilestoneComposer(EnGb), subscriptions, _time, EnGb, NullLogger<ResultsDesk>.Instance);
    }
}
