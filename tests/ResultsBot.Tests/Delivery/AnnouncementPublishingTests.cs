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
