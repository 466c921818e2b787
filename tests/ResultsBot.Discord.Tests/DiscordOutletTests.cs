using System.Net;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

public sealed class DiscordOutletTests
{
    private const string Channel = "1300000000000000001";

    [Fact]
    public async Task SendAsync_Post_LandsAsOneEmbedWithTheNonceAndReturnsTheMessageId()
    {
        await using var discord = await DiscordFixture.StartAsync();

        var id = await discord.Outlet.SendAsync(SamplePosts.To(Channel, 41, SamplePosts.Declaration()), default);

        var message = Assert.Single(discord.Fake.MessagesIn(Channel));
        Assert.Equal(message.Id, id);
        Assert.Equal("41", message.Nonce);
        Assert.Equal("Labour gain Rushmoor from Conservatives", message.Title);
        Assert.Equal("discord", discord.Outlet.Platform);
    }

    [Fact]
    public async Task SendAsync_ManyPostsToThreeChannelsAtOnce_AllLandInOrderWithoutA429()
    {
        // Small buckets (5 a second per channel), so 14 posts a channel must be scheduled, not just sent.
        await using var discord = await DiscordFixture.StartAsync(new FakeDiscordRestOptions { MessageBucketLimit = 5, MessageBucketWindow = TimeSpan.FromSeconds(1) });
        string[] channels = ["1300000000000000011", "1300000000000000012", "1300000000000000013"];

        // As the delivery worker does: one post at a time per channel, channels in parallel.
        await Task.WhenAll(channels.Select(async (channel, c) =>
        {
            for (var n = 0; n < 14; n++)
            {
                await discord.Outlet.SendAsync(SamplePosts.To(channel, (c * 100) + n, SamplePosts.Declaration("Council" + n, n)), default);
            }
        }));

        Assert.Equal(0, discord.Fake.RateLimitedCount);
        Assert.Equal(0, discord.Monitor.RateLimitedCount);
        for (var c = 0; c < channels.Length; c++)
        {
            var messages = discord.Fake.MessagesIn(channels[c]);
            Assert.Equal(Enumerable.Range(0, 14).Select(n => ((c * 100) + n).ToString(System.Globalization.CultureInfo.InvariantCulture)), messages.Select(m => m.Nonce));
        }
    }

    [Fact]
    public async Task SendAsync_RateLimitStorm_IsWaitedOutAndCounted()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.StartRateLimitStorm(3, TimeSpan.FromMilliseconds(200));

        await discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default);

        Assert.Single(discord.Fake.MessagesIn(Channel));
        Assert.Equal(3, discord.Fake.ForcedRateLimitCount);
        Assert.Equal(3, discord.Monitor.RateLimitedCount);
        Assert.Equal([429, 429, 429], discord.Monitor.InvalidStatuses);
    }

    [Fact]
    public async Task SendAsync_GlobalRateLimit_PausesEveryChannelThenCarriesOn()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.StartRateLimitStorm(2, TimeSpan.FromMilliseconds(300), global: true);

        await Task.WhenAll(
            discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default),
            discord.Outlet.SendAsync(SamplePosts.To("1300000000000000002", 2, SamplePosts.Declaration()), default));

        Assert.Single(discord.Fake.MessagesIn(Channel));
        Assert.Single(discord.Fake.MessagesIn("1300000000000000002"));
        Assert.Equal(0, discord.Fake.RateLimitedCount);
    }

    [Fact]
    public async Task SendAsync_SameDeliveryAgain_ReturnsTheFirstMessageInsteadOfADuplicate()
    {
        await using var discord = await DiscordFixture.StartAsync();
        var post = SamplePosts.To(Channel, 7, SamplePosts.Declaration()) with { Attempted = true };

        var first = await discord.Outlet.SendAsync(post, default);
        var again = await discord.Outlet.SendAsync(post, default);

        Assert.Equal(first, again);
        Assert.Single(discord.Fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task SendAsync_CorrectionWithOriginal_EditsItAndRepliesWithANote()
    {
        await using var discord = await DiscordFixture.StartAsync();
        var original = await discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default);

        var returned = await discord.Outlet.SendAsync(SamplePosts.To(Channel, 2, SamplePosts.Correction(), original), default);

        Assert.Equal(original, returned);
        var messages = discord.Fake.MessagesIn(Channel);
        Assert.Equal(2, messages.Count);
        Assert.Equal("Correction: Labour hold Rushmoor", messages[0].Title);
        Assert.Equal("Labour gain Rushmoor from Conservatives", (string?)Assert.Single(messages[0].EditHistory)["embeds"]![0]!["title"]);
        Assert.Equal(original, messages[1].ReferencedMessageId);
        Assert.StartsWith("Correction: Labour hold Rushmoor", messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CorrectionOfAResultInADigest_EditsTheDigestAndRepliesWithTheCorrection()
    {
        await using var discord = await DiscordFixture.StartAsync();
        var digest = new Post(PostKind.Digest, "digest", "2 councils declared", [PostSection.Plain("Labour gain Rushmoor from Conservatives"), PostSection.Plain("Labour hold Bury")]);
        var original = await discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, digest), default);
        var corrected = digest with { Sections = [PostSection.Plain("Correction: Labour hold Rushmoor"), PostSection.Plain("Labour hold Bury")] };

        await discord.Outlet.SendAsync(SamplePosts.To(Channel, 2, SamplePosts.Correction(), original) with { Replacement = corrected }, default);

        var messages = discord.Fake.MessagesIn(Channel);
        Assert.Equal("2 councils declared", messages[0].Title);
        Assert.Equal("Correction: Labour hold Rushmoor\nLabour hold Bury", (string?)messages[0].Embeds[0]?["description"]);
        Assert.True(messages[0].Edited);
        Assert.Equal("Correction: Labour hold Rushmoor (the post above has been corrected)\n-# ref 2c", messages[1].Content);
    }

    [Fact]
    public async Task SendAsync_CorrectionOfADeletedMessage_IsPostedAsANewMessage()
    {
        await using var discord = await DiscordFixture.StartAsync();
        var original = await discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default);
        discord.Fake.DeleteMessage(Channel, original!);

        var returned = await discord.Outlet.SendAsync(SamplePosts.To(Channel, 2, SamplePosts.Correction(), original), default);

        var message = Assert.Single(discord.Fake.MessagesIn(Channel));
        Assert.Equal(message.Id, returned);
        Assert.Equal("Correction: Labour hold Rushmoor", message.Title);
    }

    [Fact]
    public async Task SendAsync_CorrectionWithoutOriginal_IsJustPosted()
    {
        await using var discord = await DiscordFixture.StartAsync();

        await discord.Outlet.SendAsync(SamplePosts.To(Channel, 2, SamplePosts.Correction()), default);

        Assert.Equal("Correction: Labour hold Rushmoor", Assert.Single(discord.Fake.MessagesIn(Channel)).Title);
    }

    [Fact]
    public async Task SendAsync_DeletedChannel_IsChannelGone()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.DeleteChannel(Channel);

        var gone = await Assert.ThrowsAsync<ChannelGoneException>(() => discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default));

        Assert.Contains("does not exist", gone.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "Missing Access")]
    [InlineData(true, "Missing Permissions")]
    public async Task SendAsync_ForbiddenChannel_IsChannelGoneAndCountedAsInvalid(bool permissionsOnly, string reason)
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.ForbidChannel(Channel, permissionsOnly);

        var gone = await Assert.ThrowsAsync<ChannelGoneException>(() => discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default));

        Assert.Contains(reason, gone.Reason, StringComparison.Ordinal);
        Assert.Equal([403], discord.Monitor.InvalidStatuses);
    }

    [Fact]
    public async Task SendAsync_ServerErrors_AreRetryLaterAndThenWork()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.FailAll(503);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default));
        discord.Fake.Heal();
        await discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(discord.Fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task SendAsync_DiscordHangs_TimesOutAsRetryLater()
    {
        await using var discord = await DiscordFixture.StartAsync(httpTimeout: TimeSpan.FromMilliseconds(500));
        discord.Fake.HangAll(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<TimeoutException>(() => discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default));
    }

    [Fact]
    public async Task SendAsync_Unreachable_IsRetryLater()
    {
        await using var discord = await DiscordFixture.StartAsync();
        var options = DiscordFixture.Options(discord.Server) with { ApiBaseUrl = new Uri("http://127.0.0.1:1/api") };
        var outlet = new DiscordOutlet(new ResultsBot.Discord.Rest.DiscordRestClient(discord.Http, options));

        await Assert.ThrowsAsync<HttpRequestException>(() => outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default));
    }

    [Fact]
    public async Task SendAsync_WrongToken_IsRetryLaterAndCountedAsInvalid()
    {
        await using var discord = await DiscordFixture.StartAsync(token: "wrong");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => discord.Outlet.SendAsync(SamplePosts.To(Channel, 1, SamplePosts.Declaration()), default));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal([401], discord.Monitor.InvalidStatuses);
        Assert.Equal(1, discord.Fake.UnauthorizedCount);
    }
}
