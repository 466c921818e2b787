using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Discord;
using ResultsBot.Discord.Publishing;
using ResultsBot.Discord.Rest;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Sources;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The sample night into a Discord announcement channel subscribed with publishing, beside an ordinary channel,
/// through the fake Discord over real HTTP and a real SQLite file, on fake time: one declaration every three
/// minutes, with the announcement channel's publish limit already spent for the first hour (people in the server
/// published by hand).
/// </summary>
public sealed class AnnouncementPublishingTests
{
    private const string Token = "fake-discord-bot-token";
    private const string Announcements = "1600000000000000001";
    private const string Ordinary = "1600000000000000002";
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateTimeOffset Evening = new(2024, 5, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan BetweenDeclarations = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Night_AnnouncementChannelWithPublish_PublishesMilestonesAndChangesOfControlWithinTheLimitAndNoPostWaits()
    {
        var time = new FakeTimeProvider(Evening);
        var discord = new FakeDiscordRest(Token, new FakeDiscordRestOptions { Time = time, MessageBucketLimit = 1_000, GlobalLimit = 1_000 });
        await using var server = await FakeServer.StartAsync(discord);
        discord.MakeAnnouncementChannel(Announcements);
        discord.HoldPublishLimit(Announcements);
        using var work = new TempDirectory();
        using var store = SqliteResultsStore.Open($"Data Source={work.File("night.db")}", time);
        using var http = new HttpClient();
        var rest = new DiscordRestClient(http, new DiscordOptions(Token, "1", null, DiscordMode.Gateway, [], null, new Uri(server.BaseUrl, "/api"), null), time);
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("discord:" + Announcements, SubscriptionParser.ReadStored("publish"), "config", "test");
        subscriptions.Subscribe("discord:" + Ordinary, SubscriptionFilter.Everything, "config", "test");
        var publisher = new AnnouncementPublisher(store, [new DiscordPublisher(rest)], subscriptions, time);
        var dispatcher = new PostDispatcher(store, [new DiscordOutlet(rest, time: time)], subscriptions, new DigestComposer(Culture), time, publisher: publisher);
        var desk = new ResultsDesk(store, new DeclarationPostComposer(Culture), new MilestoneComposer(Culture), subscriptions, time, Culture, NullLogger<ResultsDesk>.Instance);
        var processor = new FeedProcessor(new NoSource(), desk, dispatcher, new ProblemReporter(NullLogger<ProblemReporter>.Instance), time, NullLogger<FeedProcessor>.Instance);
        var sentLate = new List<string>();

        foreach (var document in Night())
        {
            var at = time.GetUtcNow();
            await processor.ProcessAsync([document], ProcessingMode.Live, CancellationToken.None);
            // Fake time stands still here: a post that waited for a publish, or for anything, would not finish.
            await dispatcher.DeliverPendingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
            sentLate.AddRange(discord.AllMessages.Values.SelectMany(m => m).Where(m => m.Timestamp > at).Select(m => m.Title ?? ""));
            await AdvanceAsync(time, publisher, BetweenDeclarations);
        }

        // The night is over; what is still owed goes as the limit allows.
        for (var minute = 0; minute < 180; minute++)
        {
            await AdvanceAsync(time, publisher, TimeSpan.FromMinutes(1));
        }

        var channel = discord.MessagesIn(Announcements);
        var published = channel.Where(m => m.Crossposted).ToList();
        var milestones = channel.Where(m => IsMilestone(m.Title)).ToList();
        var changes = channel.Where(m => IsChangeOfControl(m.Title)).ToList();
        Assert.Equal(SampleNight.Posts, channel.Count);
        Assert.Equal(SampleNight.Posts, discord.MessagesIn(Ordinary).Count);
        Assert.Empty(sentLate);
        Assert.Equal(4, milestones.Count);
        Assert.All(milestones, m => Assert.True(m.Crossposted, $"\"{m.Title}\" was not published"));
        Assert.All(changes, m => Assert.True(m.Crossposted, $"\"{m.Title}\" was not published"));
        Assert.Equal(milestones.Count + changes.Count, published.Count);
        Assert.True(changes.Count > 10, $"only {changes.Count} changes of control: the night should need more than one hour's publishes");
        Assert.DoesNotContain(discord.MessagesIn(Ordinary), m => m.Crossposted);
        // Within Discord's limit in every hour, and the only 429 is the one the hour already spent gave.
        Assert.All(discord.Publishes, p => Assert.True(discord.Publishes.Count(q => q.At >= p.At && q.At < p.At + TimeSpan.FromHours(1)) <= 10, $"more than 10 publishes in the hour from {p.At:HH:mm}"));
        Assert.True(discord.Publishes[0].At >= Evening + TimeSpan.FromHours(1), "published while the hour was spent");
        Assert.Equal(1, discord.PublishRateLimitedCount);
        Assert.Equal(0, discord.RateLimitedCount);
    }

    [Fact]
    public async Task Correction_OfAPublishedPostWhileTheLimitIsSpent_IsPostedAsAMessageOfItsOwnAndPublished()
    {
        var time = new FakeTimeProvider(Evening);
        var discord = new FakeDiscordRest(Token, new FakeDiscordRestOptions { Time = time });
        await using var server = await FakeServer.StartAsync(discord);
        discord.MakeAnnouncementChannel(Announcements);
        using var work = new TempDirectory();
        using var store = SqliteResultsStore.Open($"Data Source={work.File("night.db")}", time);
        var (publisher, dispatcher) = Bot(store, server, time);
        store.Accept("council/thurrock", 1, "Thurrock_1.xml", [1], [Gain("Reform UK gain Thurrock from Labour")], ["discord:" + Announcements]);
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        await publisher.PublishOwedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        discord.HoldPublishLimit(Announcements);

        store.Accept("council/thurrock", 2, "Thurrock_2.xml", [2], [new Post(PostKind.Correction, "council/thurrock", "Correction: Labour hold Thurrock", ["Our 03:12 post gave the wrong call."])], ["discord:" + Announcements]);
        await dispatcher.DeliverPendingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        var beforeTheHourIsUp = discord.MessagesIn(Announcements);
        for (var minute = 0; minute < 61; minute++)
        {
            await AdvanceAsync(time, publisher, TimeSpan.FromMinutes(1));
        }

        var messages = discord.MessagesIn(Announcements);
        Assert.Equal(["Reform UK gain Thurrock from Labour", "Correction: Labour hold Thurrock"], beforeTheHourIsUp.Select(m => m.Title));
        Assert.False(beforeTheHourIsUp[0].Edited);
        Assert.False(beforeTheHourIsUp[1].Crossposted);
        Assert.All(messages, m => Assert.True(m.Crossposted, $"\"{m.Title}\" was not published"));
        Assert.Equal(2, discord.Publishes.Count);
    }

    [Fact]
    public async Task Restart_AfterAPublishWentOutButBeforeItWasRecorded_PublishesWhatWasOwedAndNothingTwice()
    {
        var time = new FakeTimeProvider(Evening);
        var discord = new FakeDiscordRest(Token, new FakeDiscordRestOptions { Time = time });
        await using var server = await FakeServer.StartAsync(discord);
        discord.MakeAnnouncementChannel(Announcements);
        using var work = new TempDirectory();
        var database = $"Data Source={work.File("night.db")}";
        using (var store = SqliteResultsStore.Open(database, time))
        {
            using var http1 = new HttpClient();
            var subscriptions = new ChannelSubscriptions(store);
            subscriptions.Subscribe("discord:" + Announcements, SubscriptionParser.ReadStored("publish"), "config", "test");
            var dispatcher = new PostDispatcher(store, [new DiscordOutlet(Rest(http1, server, time), time: time)], subscriptions, new DigestComposer(Culture), time);
            store.Accept("council/thurrock", 1, "Thurrock_1.xml", [1], [Gain("Reform UK gain Thurrock from Labour")], ["discord:" + Announcements]);
            store.Accept("council/dudley", 1, "Dudley_1.xml", [1], [Gain("Labour gain Dudley from Conservatives")], ["discord:" + Announcements]);
            store.Accept("council/adur", 1, "Adur_1.xml", [1], [new Post(PostKind.Declaration, "council/adur", "Labour hold Adur", ["x"])], ["discord:" + Announcements]);
            // The bot stops once the posts are out, before its publisher ran; Discord took the first publish (a
            // moment before the crash) but the bot never recorded it.
            await dispatcher.DeliverPendingAsync(CancellationToken.None);
        }

        var thurrock = discord.MessagesIn(Announcements)[0];
        using var http = new HttpClient();
        Assert.Equal(ResultsBot.Platforms.PublishResult.Published, await new DiscordPublisher(Rest(http, server, time)).PublishAsync(Announcements, thurrock.Id, CancellationToken.None));

        using (var reopened = SqliteResultsStore.Open(database, time))
        {
            var (publisher, _) = Bot(reopened, server, time);
            await publisher.PublishOwedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
            var (again, _) = Bot(reopened, server, time);
            await again.PublishOwedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(
            [("Reform UK gain Thurrock from Labour", true), ("Labour gain Dudley from Conservatives", true), ("Labour hold Adur", false)],
            discord.MessagesIn(Announcements).Select(m => (m.Title, m.Crossposted)));
        Assert.Equal(2, discord.Publishes.Count);
    }

    [Fact]
    public async Task Publish_InAChannelDiscordSaysIsNotAnAnnouncementChannel_IsRefusedInTheLogOnceAndNeverAskedFor()
    {
        var time = new FakeTimeProvider(Evening);
        var discord = new FakeDiscordRest(Token, new FakeDiscordRestOptions { Time = time });
        await using var server = await FakeServer.StartAsync(discord);
        using var work = new TempDirectory();
        using var store = SqliteResultsStore.Open($"Data Source={work.File("night.db")}", time);
        using var http = new HttpClient();
        var rest = Rest(http, server, time);
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("discord:" + Announcements, SubscriptionParser.ReadStored("publish"), "config", "test");
        var log = new RecordingLogger<AnnouncementPublisher>();
        var publisher = new AnnouncementPublisher(store, [new DiscordPublisher(rest)], subscriptions, time, log);
        var dispatcher = new PostDispatcher(store, [new DiscordOutlet(rest, time: time)], subscriptions, new DigestComposer(Culture), time, publisher: publisher);

        store.Accept("council/thurrock", 1, "Thurrock_1.xml", [1], [Gain("Reform UK gain Thurrock from Labour")], ["discord:" + Announcements]);
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        await publisher.PublishOwedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        store.Accept("council/dudley", 1, "Dudley_1.xml", [1], [Gain("Labour gain Dudley from Conservatives")], ["discord:" + Announcements]);
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        await publisher.PublishOwedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, discord.MessagesIn(Announcements).Count);
        Assert.Empty(discord.Publishes);
        Assert.Equal(3, discord.RequestCount); // the two posts and one look at the channel: no crosspost asked for
        var refusal = Assert.Single(log.Lines, l => l.Contains("not an announcement channel", StringComparison.Ordinal));
        Assert.Contains($"discord:{Announcements} is subscribed with publish but Discord says it is not an announcement channel: nothing there will be published.", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_InstancesSharingTheStore_OnlyTheOneDeliveringTheChannelPublishesThere()
    {
        var time = new FakeTimeProvider(Evening);
        var discord = new FakeDiscordRest(Token, new FakeDiscordRestOptions { Time = time });
        await using var server = await FakeServer.StartAsync(discord);
        discord.MakeAnnouncementChannel(Announcements);
        using var work = new TempDirectory();
        using var store = SqliteResultsStore.Open($"Data Source={work.File("night.db")}", time);
        using var http = new HttpClient();
        var rest = Rest(http, server, time);
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("discord:" + Announcements, SubscriptionParser.ReadStored("publish"), "config", "test");
        var dispatcher = new PostDispatcher(store, [new DiscordOutlet(rest, time: time)], subscriptions, new DigestComposer(Culture), time);
        store.Accept("council/thurrock", 1, "Thurrock_1.xml", [1], [Gain("Reform UK gain Thurrock from Labour")], ["discord:" + Announcements]);
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        using var elsewhere = new SomeChannelsHere();
        using var here = new SomeChannelsHere("discord:" + Announcements);

        var notDelivering = new AnnouncementPublisher(store, [new DiscordPublisher(rest)], subscriptions, time, coordination: elsewhere);
        Assert.Equal(0, await notDelivering.PublishOwedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Empty(discord.Publishes);
        var delivering = new AnnouncementPublisher(store, [new DiscordPublisher(rest)], subscriptions, time, coordination: here);
        Assert.Equal(1, await delivering.PublishOwedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Single(discord.Publishes);
        Assert.True(discord.MessagesIn(Announcements)[0].Crossposted);
    }

    private static Post Gain(string headline) =>
        new(PostKind.Declaration, "council/" + headline.Split(' ')[^3].ToLowerInvariant(), headline, ["Whole council up"])
        {
            Topic = new PostTopic(headline.Split(' ')[^3].ToLowerInvariant(), headline.Split(' ')[^3], "council", new HashSet<string>(["LAB"]), ControlChanged: true),
        };

    private static DiscordRestClient Rest(HttpClient http, FakeServer server, TimeProvider time) =>
        new(http, new DiscordOptions(Token, "1", null, DiscordMode.Gateway, [], null, new Uri(server.BaseUrl, "/api"), null), time);

    /// <summary>The bot's delivery and publishing over one store, as a start of the bot makes them.</summary>
    private static (AnnouncementPublisher Publisher, PostDispatcher Dispatcher) Bot(IResultsStore store, FakeServer server, FakeTimeProvider time)
    {
        var rest = Rest(new HttpClient(), server, time);
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("discord:" + Announcements, SubscriptionParser.ReadStored("publish"), "config", "test");
        var publisher = new AnnouncementPublisher(store, [new DiscordPublisher(rest)], subscriptions, time);
        return (publisher, new PostDispatcher(store, [new DiscordOutlet(rest, time: time)], subscriptions, new DigestComposer(Culture), time, publisher: publisher));
    }

    private static bool IsMilestone(string? title) => title is not null && (title.Contains("of councils declared", StringComparison.Ordinal) || title.EndsWith("councils have declared", StringComparison.Ordinal));

    // "Labour gain Rushmoor from Conservatives", "Conservatives lose Dudley to no overall control".
    private static bool IsChangeOfControl(string? title) => title is not null && (title.Contains(" gain ", StringComparison.Ordinal) || title.Contains(" lose ", StringComparison.Ordinal));

    /// <summary>Lets the publisher's worker run, moves fake time on, and lets what that wakes run too.</summary>
    private static async Task AdvanceAsync(FakeTimeProvider time, AnnouncementPublisher publisher, TimeSpan by)
    {
        await Task.WhenAny(publisher.PublishOwedAsync(CancellationToken.None), Task.Delay(TimeSpan.FromMilliseconds(200)));
        time.Advance(by);
        await Task.WhenAny(publisher.PublishOwedAsync(CancellationToken.None), Task.Delay(TimeSpan.FromMilliseconds(200)));
    }

    /// <summary>PA's state of the parties first (the night holds 107 councils: milestones), then each declaration in order.</summary>
    private static IEnumerable<FeedDocument> Night()
    {
        yield return new FeedDocument("000_Local_2024_SOP_0.xml", System.Text.Encoding.UTF8.GetBytes($"""
            <?xml version='1.0' encoding='UTF-8'?>
            <LocalStateOfParties region='All' numberOfResults='0' totalNumberOfCouncils='{SampleNight.Councils}'>
              <Election date='2024-05-02' paId='1'/>
              <Parties/>
            </LocalStateOfParties>
            """));
        foreach (var file in Directory.GetFiles(Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024"), "*.xml").Order(StringComparer.Ordinal))
        {
            yield return new FeedDocument(Path.GetFileName(file), File.ReadAllBytes(file));
        }
    }

    private sealed class NoSource : IFeedSource
    {
        public string Description => "the sample night, one file at a time";

        public Task<IReadOnlyList<FeedDocument>> PollAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FeedDocument>>([]);

        public void Reoffer(FeedDocument document)
        {
        }
    }
}
