using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Feeds;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

/// <summary>Ward results through the desk: stored as the source gave them, read back after a restart, posted to channels that want wards.</summary>
public sealed class BallotDeskTests : IDisposable
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Take_WardResult_GoesToTheChannelThatAskedForWardsOnly()
    {
        using var store = Open();
        var desk = Desk(store);

        desk.Take(Document(Ecclesall(3250, revision: 1)), Parse(Ecclesall(3250, revision: 1)));

        Assert.Empty(store.PendingDeliveries("console"));
        var post = Assert.Single(store.PendingDeliveries("wards-channel"));
        Assert.Equal("Ecclesall (Sheffield): Liberal Democrats win", post.Post.Headline);
    }

    [Fact]
    public void Take_LaterRevision_PostsACorrectionOnlyWhenTheCountsChanged()
    {
        using var store = Open();
        var desk = Desk(store);
        _time.SetUtcNow(new DateTimeOffset(2024, 5, 3, 0, 23, 0, TimeSpan.Zero));
        desk.Take(Document(Ecclesall(3250, revision: 1)), Parse(Ecclesall(3250, revision: 1)));

        _time.Advance(TimeSpan.FromMinutes(10));
        var same = desk.Take(Document(Ecclesall(3250, revision: 2)), Parse(Ecclesall(3250, revision: 2)));
        _time.Advance(TimeSpan.FromMinutes(10));
        var changed = desk.Take(Document(Ecclesall(3205, revision: 3)), Parse(Ecclesall(3205, revision: 3)));

        Assert.Equal(AcceptanceKind.Superseding, same.Kind);
        Assert.Equal(AcceptanceKind.Superseding, changed.Kind);
        var pending = store.PendingDeliveries("wards-channel");
        // The post that went out is revision 1's, at 01:23 UK time; revision 2 repeated it and posted nothing.
        Assert.Equal(
            ["Ecclesall (Sheffield): Liberal Democrats win", "Correction — Ecclesall (Sheffield): our 01:23 post gave other figures; the call stands: Liberal Democrats win"],
            pending.Select(p => p.Post.Headline));
        Assert.Equal(PostKind.Correction, pending[1].Post.Kind);
        Assert.Equal("Eve Thornton (Liberal Democrat) 3,205 (was 3,250).", pending[1].Post.Lines[0]);
    }

    [Fact]
    public void Restore_AfterRestart_ReadsWardResultsBackFromTheirJson()
    {
        using (var store = Open())
        {
            Desk(store).Take(Document(Ecclesall(3250, revision: 7)), Parse(Ecclesall(3250, revision: 7)));
        }

        using var reopened = Open();
        var restarted = Desk(reopened);

        Assert.Equal(1, restarted.Restore());
        var ward = Assert.Single(restarted.Book.WardResults());
        Assert.Equal((7, 3250), (ward.Revision, ward.Candidates[0].Votes));
    }

    public void Dispose() => _dir.Dispose();

    private static string Ecclesall(int votes, int revision) =>
        $$"""
        {"ballot": {"ballot_paper_id": "local.sheffield.ecclesall.2024-05-02"}, "revision": {{revision}},
         "candidate_results": [
           {"person": {"name": "Eve Thornton"}, "party": {"ec_id": "PP90", "name": "Liberal Democrats"}, "num_ballots": {{votes}}, "elected": true},
           {"person": {"name": "Frank Ashdown"}, "party": {"ec_id": "PP53", "name": "Labour Party"}, "num_ballots": 1300, "elected": false}]}
        """;

    private static FeedDocument Document(string json) => new("https://candidates.democracyclub.org.uk/api/next/results/#local.sheffield.ecclesall.2024-05-02", Encoding.UTF8.GetBytes(json));

    private static FeedMessage Parse(string json) => FeedParser.Parse(Encoding.UTF8.GetBytes(json)).Messages.Single();

    private SqliteResultsStore Open() => SqliteResultsStore.Open("Data Source=" + _dir.File("bot.db"), _time);

    private ResultsDesk Desk(SqliteResultsStore store)
    {
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("console", SubscriptionFilter.Everything, "config", "test");
        subscriptions.Subscribe("wards-channel", SubscriptionFilter.Everything with { Wards = true }, "config", "test");
        return new ResultsDesk(store, new DeclarationPostComposer(EnGb), new MilestoneComposer(EnGb), subscriptions, _time, EnGb, NullLogger<ResultsDesk>.Instance);
    }
}
