using Microsoft.Extensions.Time.Testing;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>
/// A post that may have reached Discord before a crash, resent after Discord forgot its nonce: the outlet
/// looks in the channel for its reference first, and sends only when it is not there.
/// </summary>
public sealed class DiscordOutletLookupTests
{
    private const string Channel = "1300000000000000001";
    private static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task SendAsync_Post_EndsTheFooterWithItsDeliveryReference()
    {
        await using var rig = await Rig.StartAsync();

        await rig.Outlet.SendAsync(SamplePosts.To(Channel, 41, SamplePosts.Declaration()), default);

        var footer = (string?)Assert.Single(rig.Fake.MessagesIn(Channel)).Embeds[0]?["footer"]?["text"];
        Assert.Equal("PA Media · 3 May 2024, 03:12 UK time · ref 41", footer);
    }

    [Fact]
    public async Task SendAsync_AttemptedLongerAgoThanDiscordRemembersAndAlreadyThere_ReturnsItWithoutPostingAgain()
    {
        await using var rig = await Rig.StartAsync();
        var attempted = rig.Time.GetUtcNow();
        var first = await rig.Outlet.SendAsync(SamplePosts.To(Channel, 7, SamplePosts.Declaration()), default);
        rig.Time.Advance(TimeSpan.FromMinutes(10)); // the bot was down; Discord (5 minutes) has forgotten the nonce

        var again = await rig.Outlet.SendAsync(Attempted(7, SamplePosts.Declaration(), attempted), default);

        Assert.Equal(first, again);
        Assert.Single(rig.Fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task SendAsync_AttemptedWhenUnknownAndAlreadyThere_LooksFirst()
    {
        await using var rig = await Rig.StartAsync();
        var first = await rig.Outlet.SendAsync(SamplePosts.To(Channel, 7, SamplePosts.Declaration()), default);
        rig.Time.Advance(TimeSpan.FromMinutes(10));

        var again = await rig.Outlet.SendAsync(Attempted(7, SamplePosts.Declaration(), attemptedAt: null), default);

        Assert.Equal(first, again);
        Assert.Single(rig.Fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task SendAsync_AttemptedLongAgoButNeverArrived_PostsIt()
    {
        await using var rig = await Rig.StartAsync();
        var attempted = rig.Time.GetUtcNow();
        await rig.Outlet.SendAsync(SamplePosts.To(Channel, 6, SamplePosts.Declaration("Adur")), default);
        rig.Time.Advance(TimeSpan.FromMinutes(10));

        var id = await rig.Outlet.SendAsync(Attempted(7, SamplePosts.Declaration(), attempted), default);

        Assert.Equal(["Labour gain Adur from Conservatives", "Labour gain Rushmoor from Conservatives"], rig.Fake.MessagesIn(Channel).Select(m => m.Title));
        Assert.Equal(rig.Fake.MessagesIn(Channel)[1].Id, id);
        Assert.Equal(1, rig.Fake.HistoryReadCount);
    }

    [Fact]
    public async Task SendAsync_AttemptedWithinTheNonceWindow_TrustsTheNonceAndReadsNothing()
    {
        await using var rig = await Rig.StartAsync();
        var attempted = rig.Time.GetUtcNow();
        var first = await rig.Outlet.SendAsync(SamplePosts.To(Channel, 7, SamplePosts.Declaration()), default);
        rig.Time.Advance(TimeSpan.FromSeconds(20));

        var again = await rig.Outlet.SendAsync(Attempted(7, SamplePosts.Declaration(), attempted), default);

        Assert.Equal(first, again);
        Assert.Single(rig.Fake.MessagesIn(Channel));
        Assert.Equal(0, rig.Fake.HistoryReadCount);
    }

    [Fact]
    public async Task SendAsync_EarlierCopyBehindMoreThanAPageOfChatter_IsFoundAfterThePreviousRecordedPost()
    {
        await using var rig = await Rig.StartAsync();
        var previous = await rig.Outlet.SendAsync(SamplePosts.To(Channel, 6, SamplePosts.Declaration("Adur")), default);
        var attempted = rig.Time.GetUtcNow();
        var first = await rig.Outlet.SendAsync(SamplePosts.To(Channel, 7, SamplePosts.Declaration()), default);
        for (var n = 0; n < 120; n++)
        {
            await rig.Outlet.SendAsync(SamplePosts.To(Channel, 1000 + n, SamplePosts.Declaration("Chatter" + n)), default);
        }

        rig.Time.Advance(TimeSpan.FromMinutes(10));

        var again = await rig.Outlet.SendAsync(Attempted(7, SamplePosts.Declaration(), attempted) with { PreviousMessageId = previous }, default);

        Assert.Equal(first, again);
        Assert.Equal(122, rig.Fake.MessagesIn(Channel).Count);
    }

    [Fact]
    public async Task SendAsync_CorrectionThatEditedAndRepliedBeforeTheCrash_IsNotRepeated()
    {
        await using var rig = await Rig.StartAsync();
        var original = await rig.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default);
        var attempted = rig.Time.GetUtcNow();
        await rig.Outlet.SendAsync(SamplePosts.To(Channel, 2, SamplePosts.Correction(), original), default);
        rig.Time.Advance(TimeSpan.FromMinutes(10));

        var again = await rig.Outlet.SendAsync(Attempted(2, SamplePosts.Correction(), attempted) with { OriginalMessageId = original, PreviousMessageId = original }, default);

        Assert.Equal(original, again);
        var messages = rig.Fake.MessagesIn(Channel);
        Assert.Equal(2, messages.Count);
        Assert.Equal("Correction: Labour hold Rushmoor (the post above has been corrected)\n-# ref 2c", messages[1].Content);
        Assert.Single(messages[0].EditHistory);
    }

    [Fact]
    public async Task SendAsync_HistoryUnreadable_PostsAgainAndSaysWhyOnce()
    {
        await using var rig = await Rig.StartAsync();
        var previous = await rig.Outlet.SendAsync(SamplePosts.To(Channel, 6, SamplePosts.Declaration("Adur")), default);
        var attempted = rig.Time.GetUtcNow();
        await rig.Outlet.SendAsync(SamplePosts.To(Channel, 7, SamplePosts.Declaration()), default);
        await rig.Outlet.SendAsync(SamplePosts.To(Channel, 8, SamplePosts.Declaration("Bury")), default);
        rig.Fake.HideHistory(Channel);
        rig.Time.Advance(TimeSpan.FromMinutes(10));

        // Discord shows an empty page, not an error; the bot cannot tell its post is there, so it sends.
        await rig.Outlet.SendAsync(Attempted(7, SamplePosts.Declaration(), attempted) with { PreviousMessageId = previous }, default);
        await rig.Outlet.SendAsync(Attempted(8, SamplePosts.Declaration("Bury"), attempted) with { PreviousMessageId = previous }, default);

        Assert.Equal(5, rig.Fake.MessagesIn(Channel).Count);
        var warning = Assert.Single(rig.Logger.Lines, l => l.Contains("cannot read the channel's history", StringComparison.Ordinal));
        Assert.Equal(
            $"Warning: discord:{Channel}: the bot cannot read the channel's history (Missing Access; it needs Read Message History there), so a post that may have gone out before a restart is sent again without looking",
            warning);
    }

    [Fact]
    public async Task AlreadyThere_PostsAndADigestTheyHeadedWithTheirReferences_AreFoundAndOthersAreNot()
    {
        await using var rig = await Rig.StartAsync();
        await rig.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration("Adur")), default);
        var digest = new Domain.Posts.Post(Domain.Posts.PostKind.Digest, "digest", "2 councils declared", [
            Domain.Posts.PostSection.Plain("Labour gain Bury from Conservatives"),
            Domain.Posts.PostSection.Plain("Labour gain Rushmoor from Conservatives"),
        ]);
        await rig.Outlet.SendAsync(SamplePosts.To(Channel, 2, digest), default);

        // A new database numbers its deliveries from 1 again: only the same reference with the same headline counts.
        var there = await rig.Outlet.AlreadyThereAsync(Channel, [
            SamplePosts.To(Channel, 1, SamplePosts.Declaration("Adur")),
            SamplePosts.To(Channel, 2, SamplePosts.Declaration("Bury")),
            SamplePosts.To(Channel, 3, SamplePosts.Declaration("Rushmoor")),
            SamplePosts.To(Channel, 1, SamplePosts.Declaration("Exeter")),
        ], default);

        Assert.Equal([1L, 2L], there);
    }

    [Fact]
    public async Task SendAsync_SeveralChannelsLookingAtOnceAfterARestart_AskWhoTheBotIsOnceAndMeetNo429()
    {
        // A new feed reader resumes every channel at once, each with a post that may be out: each looks, and each
        // needs the bot's own user id to know its posts. Asked once per channel, six at once overran GET users/@me's
        // bucket (five a second), and the sixth waited out a 429.
        await using var rig = await Rig.StartAsync();
        var channels = Enumerable.Range(1, 6).Select(i => $"13000000000000000{i:00}").ToList();
        var first = new List<string?>();
        foreach (var channel in channels)
        {
            first.Add(await rig.Outlet.SendAsync(SamplePosts.To(channel, 7, SamplePosts.Declaration()), default));
        }

        rig.Time.Advance(TimeSpan.FromMinutes(10));

        var again = await Task.WhenAll(channels.Select(c => rig.Outlet.SendAsync(new OutgoingPost(7, c, SamplePosts.Declaration(), Attempted: true) { AttemptedAt = null }, default)))
            .WaitAsync(TimeSpan.FromSeconds(20)); // a 429 here would wait on the frozen clock for ever

        Assert.Equal(first, again);
        Assert.All(channels, c => Assert.Single(rig.Fake.MessagesIn(c)));
        Assert.Equal(0, rig.Fake.RateLimitedCount);
    }

    private static OutgoingPost Attempted(long deliveryId, Domain.Posts.Post post, DateTimeOffset? attemptedAt) =>
        new(deliveryId, Channel, post, Attempted: true) { AttemptedAt = attemptedAt };

    private sealed class Rig : IAsyncDisposable
    {
        private readonly DiscordFixture _fixture;

        private Rig(DiscordFixture fixture, FakeTimeProvider time, ListLogger<DiscordOutlet> logger)
        {
            _fixture = fixture;
            Time = time;
            Logger = logger;
            Outlet = new DiscordOutlet(fixture.Rest, logger, time, NonceWindow);
        }

        public FakeTimeProvider Time { get; }

        public ListLogger<DiscordOutlet> Logger { get; }

        public DiscordOutlet Outlet { get; }

        public FakeDiscordRest Fake => _fixture.Fake;

        public static async Task<Rig> StartAsync()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 3, 2, 0, 0, TimeSpan.Zero));
            var fixture = await DiscordFixture.StartAsync(new FakeDiscordRestOptions { Time = time, MessageBucketLimit = 200, GlobalLimit = 500 });
            return new Rig(fixture, time, new ListLogger<DiscordOutlet>());
        }

        public ValueTask DisposeAsync() => _fixture.DisposeAsync();
    }
}
