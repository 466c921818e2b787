using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Pa;
using ResultsBot.Application.Pipeline;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

public sealed class SubscriptionCommandTests : IDisposable
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
    private static readonly ChannelAddress London = new("discord", "111");
    private static readonly ChannelAddress Greens = new("slack", "C222");
    private static readonly Caller Admin = new("U1", true);
    private static readonly Caller Member = new("U2", false);
    private static readonly Caller ManagerOfTheirOwnServer = new("U3", IsAdmin: false, ManagesChannel: true);

    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero));
    private readonly SqliteResultsStore _store;
    private readonly ChannelSubscriptions _subscriptions;
    private readonly ResultsDesk _desk;
    private readonly CommandRunner _runner;

    public SubscriptionCommandTests()
    {
        _store = SqliteResultsStore.Open("Data Source=" + _dir.File("bot.db"), _time);
        _subscriptions = new ChannelSubscriptions(_store);
        var dispatcher = new PostDispatcher(_store, [], _subscriptions, new DigestComposer(Culture), _time);
        _desk = new ResultsDesk(_store, new DeclarationPostComposer(Culture), new MilestoneComposer(Culture), _subscriptions, _time, Culture, NullLogger<ResultsDesk>.Instance);
        _runner = new CommandRunner(new CommandEngine(Culture, _time), _desk, dispatcher, _subscriptions, _time, Culture, NullLogger<CommandRunner>.Instance);
    }

    [Fact]
    public async Task Subscribe_WithFilters_ChannelsGetOnlyWhatTheyAskedFor()
    {
        await Ask("/subscribe region London", Admin, London);
        await Ask("/subscribe party Green", Admin, Greens);

        Take("Local_Test_result_Hackney_1.xml");
        Take("Local_Test_result_Thurrock_1.xml");

        Assert.Equal(["Labour hold Hackney"], Headlines(London));
        Assert.Equal(Headlines(Greens).Count, Headlines(Greens).Distinct().Count());
        Assert.DoesNotContain(Headlines(London), h => h.Contains("Thurrock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subscribe_Publish_OnlyWhereTheChannelCanBeFollowed()
    {
        var announcement = await _runner.RunAsync(new CommandRequest("/subscribe changes; publish", Admin, London) { AnnouncementChannel = true }, CancellationToken.None);
        var shown = await Ask("/subscriptions", Admin, London);
        var text = await _runner.RunAsync(new CommandRequest("/subscribe publish", Admin, new ChannelAddress("discord", "333")) { AnnouncementChannel = false }, CancellationToken.None);
        var slack = await Ask("/subscribe publish", Admin, Greens);

        Assert.Equal(
            "Subscribed: this channel gets every result, changes of control only, each as it comes, with the map at milestones, milestones and changes of control published to the servers that follow this channel. Night-wide news (milestones, the national share) too.\nTo change it: /subscribe changes; publish. To stop: /unsubscribe.",
            announcement.Text);
        Assert.Contains("Filters: changes; publish (set by U1, ", shown.Text, StringComparison.Ordinal);
        Assert.False(text.Ok);
        Assert.Equal("Nothing was changed: this is not an announcement channel, so Discord cannot publish its posts to the servers that follow it. Make it one (Edit Channel, then Announcement Channel) or subscribe without publish.", text.Text);
        Assert.False(slack.Ok);
        Assert.Equal("Nothing was changed: publish is for Discord announcement channels, whose posts other servers follow. Subscribe here without publish.", slack.Text);
        Assert.Null(_subscriptions.Find("discord:333"));
        Assert.Null(_subscriptions.Find(Greens.ToString()));
    }

    [Fact]
    public async Task Subscribe_ByAMember_IsRefusedAndChangesNothing()
    {
        var answer = await Ask("/subscribe", Member, London);
        var gone = await Ask("/unsubscribe", Member, London);

        Assert.False(answer.Ok);
        Assert.False(gone.Ok);
        Assert.StartsWith("Only channel admins can change what is posted here", answer.Text, StringComparison.Ordinal);
        Assert.Null(_subscriptions.Find(London.ToString()));
    }

    [Fact]
    public async Task ChannelManagerNotInAdmins_ManagesTheirChannelButCannotReachOtherChannels()
    {
        await Ask("/subscribe", Admin, Greens);
        _subscriptions.Pause("slack:C999", "not_in_channel");

        var subscribed = await Ask("/subscribe", ManagerOfTheirOwnServer, London);
        var share = await Ask("/share set Lab 34 Con 25 source \"[OFFICIAL](https://example.com)\"", ManagerOfTheirOwnServer, London);
        var seen = await Ask("/subscriptions", ManagerOfTheirOwnServer, new ChannelAddress("slack", "C1"));
        var unsubscribed = await Ask("/unsubscribe", ManagerOfTheirOwnServer, London);

        Assert.True(subscribed.Ok);
        Assert.True(unsubscribed.Ok);
        Assert.Equal(
            "Only the bot's configured admins can set the projected national share, because it is posted to every subscribed channel on every server and on Slack; managing this channel is not enough.",
            share.Text);
        Assert.False(share.Ok);
        Assert.Empty(Headlines(Greens));
        Assert.DoesNotContain("C999", seen.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_BadFilter_SaysWhyAndKeepsTheOldOne()
    {
        await Ask("/subscribe region London", Admin, London);

        var answer = await Ask("/subscribe region Narnia", Admin, London);

        Assert.False(answer.Ok);
        Assert.StartsWith("I don't know the region \"Narnia\"", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["London"], _subscriptions.FilterOf(London.ToString())!.Places);
    }

    [Fact]
    public async Task Subscriptions_ShowsTheFiltersWhoSetThemAndAPause()
    {
        await Ask("/subscribe region London; changes; digest 2m", Admin, London);
        _subscriptions.Pause(Greens.ToString(), "not_in_channel");
        _subscriptions.Pause(London.ToString(), "Missing Access");

        var answer = await Ask("/subscriptions", Member, London);

        Assert.Equal(
            """
            This channel gets results in London, changes of control only, as digests every 2m.
            Filters: region London; changes; digest 2m (set by U1, 8 May 2026, 02:00 UK time)
            Paused since 8 May 2026, 02:00 UK time: Missing Access. An admin can /subscribe again to resume.
            """.ReplaceLineEndings("\n").TrimEnd(),
            answer.Text);
    }

    [Fact]
    public async Task Subscribe_AgainAfterAPause_ResumesWithWhatWasKept()
    {
        await Ask("/subscribe", Admin, London);
        Take("Local_Test_result_Hackney_1.xml");
        _subscriptions.Pause(London.ToString(), "Missing Access");
        Assert.DoesNotContain(London.ToString(), _store.ChannelsWithPending());

        var answer = await Ask("/subscribe", Admin, London);

        Assert.Contains("It had been paused: Missing Access", answer.Text, StringComparison.Ordinal);
        Assert.Contains(London.ToString(), _store.ChannelsWithPending());
        Assert.Equal(["Labour hold Hackney"], Headlines(London));
    }

    [Fact]
    public async Task Unsubscribe_DropsWhatWasQueuedAndStopsNewPosts()
    {
        await Ask("/subscribe", Admin, London);
        Take("Local_Test_result_Hackney_1.xml");

        var answer = await Ask("/unsubscribe", Admin, London);
        Take("Local_Test_result_Thurrock_1.xml");

        Assert.True(answer.Ok);
        Assert.Empty(Headlines(London));
        Assert.Null(_subscriptions.Find(London.ToString()));
    }

    [Fact]
    public async Task Subscriptions_SurviveARestart()
    {
        await Ask("/subscribe party Green; changes", Admin, Greens);

        using var reopened = SqliteResultsStore.Open("Data Source=" + _dir.File("bot.db"), _time);
        var again = new ChannelSubscriptions(reopened);

        Assert.Equal(["Green"], again.FilterOf(Greens.ToString())!.Parties);
        Assert.True(again.FilterOf(Greens.ToString())!.ChangesOnly);
    }

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private Task<CommandAnswer> Ask(string text, Caller caller, ChannelAddress channel) =>
        _runner.RunAsync(new CommandRequest(text, caller, channel), CancellationToken.None);

    private void Take(string file)
    {
        var content = File.ReadAllBytes(Paths.SharedFeedFile(file));
        foreach (var message in PaFeedParser.Parse(content, file).Messages)
        {
            _desk.Take(new FeedDocument(file, content), message);
        }
    }

    private List<string> Headlines(ChannelAddress channel) =>
        [.. _store.PendingDeliveries(channel.ToString()).Select(d => d.Post.Headline)];
}
