using Microsoft.Extensions.Time.Testing;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>Posts with pictures: uploaded with the post (multipart), the main one the embed's image, alt text with each.</summary>
public sealed class DiscordOutletPictureTests
{
    private const string Channel = "1300000000000000001";

    [Fact]
    public async Task SendAsync_PostWithMapAndChamber_UploadsBothWithAltTextAndShowsTheMapInTheEmbed()
    {
        await using var rig = await Rig.StartAsync();
        PostImage[] pictures = [SamplePictures.Map(), SamplePictures.Chamber()];

        var id = await rig.Outlet.SendAsync(WithPictures(41, pictures), default);

        var message = Assert.Single(rig.Fake.MessagesIn(Channel));
        Assert.Equal(message.Id, id);
        Assert.Equal("41", message.Nonce);
        Assert.Equal("Labour gain Rushmoor from Conservatives", message.Title);
        Assert.Equal("attachment://map.png", message.ImageUrl);
        Assert.Equal(["map.png", "chamber.png"], message.Attachments.Select(a => a.FileName));
        Assert.Equal(pictures.Select(p => p.AltText), message.Attachments.Select(a => a.Description));
        Assert.Equal(pictures.Select(p => p.Png), message.Attachments.Select(a => a.Bytes));
        Assert.All(message.Attachments, a => Assert.Equal("image/png", a.ContentType));
        Assert.Empty(rig.Fake.Rejections);
    }

    [Fact]
    public async Task SendAsync_SameDeliveryAgainWithinTheNonceWindow_ReturnsTheFirstMessageWithItsPictures()
    {
        await using var rig = await Rig.StartAsync();

        var first = await rig.Outlet.SendAsync(WithPictures(7, [SamplePictures.Map()]), default);
        var again = await rig.Outlet.SendAsync(WithPictures(7, [SamplePictures.Map()]) with { Attempted = true, AttemptedAt = rig.Time.GetUtcNow() }, default);

        Assert.Equal(first, again);
        Assert.Single(Assert.Single(rig.Fake.MessagesIn(Channel)).Attachments);
    }

    [Fact]
    public async Task SendAsync_AttemptedLongerAgoThanTheNonceWindow_FindsThePostWithPicturesInTheChannelAndSendsNothing()
    {
        await using var rig = await Rig.StartAsync();
        var attempted = rig.Time.GetUtcNow();
        var first = await rig.Outlet.SendAsync(WithPictures(7, [SamplePictures.Map()]), default);
        rig.Time.Advance(TimeSpan.FromMinutes(10));

        var again = await rig.Outlet.SendAsync(WithPictures(7, [SamplePictures.Map()]) with { Attempted = true, AttemptedAt = attempted }, default);

        Assert.Equal(first, again);
        Assert.Single(Assert.Single(rig.Fake.MessagesIn(Channel)).Attachments);
        Assert.Contains(rig.Logger.Lines, l => l.Contains("was already in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_CorrectionWithItsOwnPicture_EditsTheOriginalSoOnlyTheNewPictureIsThere()
    {
        await using var rig = await Rig.StartAsync();
        var original = await rig.Outlet.SendAsync(WithPictures(1, [SamplePictures.Map(), SamplePictures.Chamber()]), default);
        var newChamber = SamplePictures.Chamber(bytes: 1800, fill: 9);

        var corrected = await rig.Outlet.SendAsync(SamplePosts.To(Channel, 2, SamplePosts.Correction(), original) with { Images = [newChamber] }, default);

        Assert.Equal(original, corrected);
        var messages = rig.Fake.MessagesIn(Channel);
        Assert.Equal(2, messages.Count); // the edited original and the reply note
        var attachment = Assert.Single(messages[0].Attachments);
        Assert.Equal(newChamber.Png, attachment.Bytes);
        Assert.Equal(newChamber.AltText, attachment.Description);
        Assert.Equal("attachment://chamber.png", messages[0].ImageUrl);
        Assert.Equal("Correction: Labour hold Rushmoor", messages[0].Title);
        Assert.Empty(messages[1].Attachments);
    }

    [Fact]
    public async Task SendAsync_CorrectionWithoutPictures_TakesTheOriginalsAway()
    {
        await using var rig = await Rig.StartAsync();
        var original = await rig.Outlet.SendAsync(WithPictures(1, [SamplePictures.Map()]), default);

        await rig.Outlet.SendAsync(SamplePosts.To(Channel, 2, SamplePosts.Correction(), original), default);

        var edited = rig.Fake.MessagesIn(Channel)[0];
        Assert.Empty(edited.Attachments);
        Assert.Null(edited.ImageUrl);
    }

    [Fact]
    public async Task SendAsync_PictureOverDiscordsLimit_IsLeftOutWithAWarningAndTheRestGo()
    {
        await using var rig = await Rig.StartAsync();
        var huge = SamplePictures.Map(bytes: (10 * 1024 * 1024) + 1);

        await rig.Outlet.SendAsync(WithPictures(5, [huge, SamplePictures.Chamber()]), default);

        var message = Assert.Single(rig.Fake.MessagesIn(Channel));
        Assert.Equal("chamber.png", Assert.Single(message.Attachments).FileName);
        Assert.Equal("attachment://chamber.png", message.ImageUrl);
        Assert.Equal(
            $"Warning: discord:{Channel}: the picture map.png for delivery 5 is 10485761 bytes, over Discord's upload limit of 10485760; the post goes without it",
            Assert.Single(rig.Logger.Lines, l => l.Contains("upload limit", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SendAsync_AltTextLongerThanDiscordTakes_IsCutToFit()
    {
        await using var rig = await Rig.StartAsync();
        var wordy = SamplePictures.Map() with { AltText = string.Join(", ", Enumerable.Range(1, 300).Select(i => $"Council {i}")) };

        await rig.Outlet.SendAsync(WithPictures(5, [wordy]), default);

        var description = Assert.Single(Assert.Single(rig.Fake.MessagesIn(Channel)).Attachments).Description!;
        Assert.InRange(description.Length, 1000, 1024);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.Empty(rig.Fake.Rejections);
    }

    [Fact]
    public async Task SendAsync_RateLimitedUpload_IsWaitedOutAndSentWholeOnce()
    {
        await using var rig = await Rig.StartAsync();
        rig.Fake.StartRateLimitStorm(2, TimeSpan.FromMilliseconds(150));

        await rig.Outlet.SendAsync(WithPictures(3, [SamplePictures.Map()]), default);

        Assert.Equal(2, rig.Fake.ForcedRateLimitCount);
        Assert.Equal(SamplePictures.Map().Png, Assert.Single(Assert.Single(rig.Fake.MessagesIn(Channel)).Attachments).Bytes);
    }

    [Fact]
    public async Task SendAsync_ManyPostsWithPicturesInSmallBuckets_AreScheduledWithoutA429()
    {
        await using var rig = await Rig.StartAsync(new FakeDiscordRestOptions { MessageBucketLimit = 3, MessageBucketWindow = TimeSpan.FromMilliseconds(500) });

        for (var n = 0; n < 8; n++)
        {
            await rig.Outlet.SendAsync(WithPictures(n, [SamplePictures.Map()]), default);
        }

        Assert.Equal(0, rig.Fake.RateLimitedCount);
        Assert.All(rig.Fake.MessagesIn(Channel), m => Assert.Single(m.Attachments));
        Assert.Equal(8, rig.Fake.MessagesIn(Channel).Count);
    }

    [Fact]
    public async Task SendAsync_ChannelWithoutAttachFiles_PostsTheTextAloneAndSaysWhy()
    {
        await using var rig = await Rig.StartAsync();
        rig.Fake.ForbidAttachments(Channel);

        await rig.Outlet.SendAsync(WithPictures(1, [SamplePictures.Map()]), default);
        var requests = rig.Fake.RequestCount;
        await rig.Outlet.SendAsync(WithPictures(2, [SamplePictures.Map()]), default);

        var messages = rig.Fake.MessagesIn(Channel);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Empty(m.Attachments));
        Assert.Equal(requests + 1, rig.Fake.RequestCount); // the second post does not try its picture again
        Assert.Contains(rig.Logger.Lines, l => l.Contains("the bot needs Attach Files there", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_UploadRefusedByDiscord_PostsTheTextWithoutThePicturesAndSaysWhy()
    {
        await using var rig = await Rig.StartAsync(new FakeDiscordRestOptions { MaxUploadBytes = 100 }); // the map is bigger: 413

        var id = await rig.Outlet.SendAsync(WithPictures(4, [SamplePictures.Map()]), default);

        var message = Assert.Single(rig.Fake.MessagesIn(Channel));
        Assert.Equal(message.Id, id);
        Assert.Equal("Labour gain Rushmoor from Conservatives", message.Title);
        Assert.Empty(message.Attachments);
        Assert.Null(message.ImageUrl);
        Assert.Contains(rig.Logger.Lines, l => l.Contains("Request entity too large", StringComparison.Ordinal) && l.Contains("sending it without them", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_CorrectionWhoseUploadIsRefused_StillEditsTheTextAndClearsTheOldPictures()
    {
        await using var rig = await Rig.StartAsync(new FakeDiscordRestOptions { MaxUploadBytes = 1900 }); // the chamber (1500) goes, the map (2000) does not
        var original = await rig.Outlet.SendAsync(WithPictures(1, [SamplePictures.Chamber()]), default);

        await rig.Outlet.SendAsync(SamplePosts.To(Channel, 2, SamplePosts.Correction(), original) with { Images = [SamplePictures.Map()] }, default);

        var edited = rig.Fake.MessagesIn(Channel)[0];
        Assert.Equal("Correction: Labour hold Rushmoor", edited.Title);
        Assert.Empty(edited.Attachments);
    }

    private static OutgoingPost WithPictures(long deliveryId, IReadOnlyList<PostImage> pictures) =>
        SamplePosts.To(Channel, deliveryId, SamplePosts.Declaration()) with { Images = pictures };

    private sealed class Rig : IAsyncDisposable
    {
        private readonly DiscordFixture _fixture;

        private Rig(DiscordFixture fixture, FakeTimeProvider time)
        {
            _fixture = fixture;
            Time = time;
            Outlet = new DiscordOutlet(fixture.Rest, Logger, time, TimeSpan.FromMinutes(1));
        }

        public FakeTimeProvider Time { get; }

        public ListLogger<DiscordOutlet> Logger { get; } = new();

        public DiscordOutlet Outlet { get; }

        public FakeDiscordRest Fake => _fixture.Fake;

        public static async Task<Rig> StartAsync(FakeDiscordRestOptions? options = null)
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 3, 2, 0, 0, TimeSpan.Zero));
            // Given limits are kept in real time, so their windows pass; by default the fake shares the outlet's clock.
            var fixture = await DiscordFixture.StartAsync(options ?? new FakeDiscordRestOptions { Time = time, MessageBucketLimit = 200, GlobalLimit = 500 });
            return new Rig(fixture, time);
        }

        public ValueTask DisposeAsync() => _fixture.DisposeAsync();
    }
}
