using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Tests.Support;

namespace ResultsBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests
{
    private static readonly DiscordOptions Options =
        new("secret-token", null, null, DiscordMode.Gateway, [], null, new Uri("http://discord.test/api"), null);

    [Fact]
    public async Task SendAsync_SendsBotTokenUserAgentAndJsonToTheVersionedBase()
    {
        using var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.OK, """{"id":"1"}"""));
        using var http = new HttpClient(handler);
        var client = new DiscordRestClient(http, Options);

        var response = await client.SendAsync(HttpMethod.Post, "channels/123/messages", DiscordBody.Of(new ResultsBot.Discord.Wire.DiscordMessage { Content = "hi" }), default);

        Assert.True(response.IsSuccess);
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("http://discord.test/api/v10/channels/123/messages"), request.RequestUri);
        Assert.Equal("Bot secret-token", request.Headers.Authorization!.ToString());
        Assert.Equal("DiscordBot (https://github.com/resultsbot, 1.0)", string.Join(' ', request.Headers.UserAgent));
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("""{"content":"hi"}""", body);
    }

    [Theory]
    [InlineData("GET", "users/@me", "GET users/@me")]
    [InlineData("POST", "channels/123/messages", "POST channels/{id}/messages")]
    public void ToString_NamesTheMethodOnceThenTheRoute(string method, string path, string expected) =>
        Assert.Equal(expected, new DiscordRequest(new HttpMethod(method), path).ToString());

    [Fact]
    public async Task SendAsync_EmptyBucket_WaitsForItsResetBeforeSendingAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2024-05-03T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.OK, "{}",
            ("X-RateLimit-Bucket", "abc"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "2.5")));
        using var http = new HttpClient(handler);
        var client = new DiscordRestClient(http, Options, time);

        await client.SendAsync(HttpMethod.Post, "channels/123/messages", null, default);
        var second = client.SendAsync(HttpMethod.Post, "channels/123/messages", null, default);
        var otherChannel = await client.SendAsync(HttpMethod.Post, "channels/456/messages", null, default);
        time.Advance(TimeSpan.FromSeconds(2));
        var stillWaiting = !second.IsCompleted && handler.Count == 2;
        time.Advance(TimeSpan.FromSeconds(0.5));
        await second;

        Assert.True(otherChannel.IsSuccess);
        Assert.True(stillWaiting, "the second request on the exhausted channel went before the reset");
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task SendAsync_429_WaitsRetryAfterFromTheBodyThenSendsAgain()
    {
        var time = new FakeTimeProvider();
        var monitor = new RecordingMonitor();
        using var handler = new ScriptedHandler(n => n == 1
            ? ScriptedHandler.Json((HttpStatusCode)429, """{"message":"You are being rate limited.","retry_after":3.25,"global":false}""", ("Retry-After", "4"))
            : ScriptedHandler.Json(HttpStatusCode.OK, """{"id":"9"}"""));
        using var http = new HttpClient(handler);
        var client = new DiscordRestClient(http, Options, time, monitor);

        var sending = client.SendAsync(HttpMethod.Post, "channels/123/messages", null, default);
        await WaitUntilAsync(() => monitor.RateLimitedCount == 1);
        time.Advance(TimeSpan.FromSeconds(3));
        var earlyRetry = handler.Count > 1;
        time.Advance(TimeSpan.FromSeconds(0.25));
        var response = await sending;

        Assert.False(earlyRetry);
        Assert.True(response.IsSuccess);
        Assert.Equal(1, monitor.RateLimitedCount);
        Assert.Equal([429], monitor.InvalidStatuses);
    }

    [Fact]
    public async Task SendAsync_Global429_HoldsBackOtherRoutesToo()
    {
        var time = new FakeTimeProvider();
        var monitor = new RecordingMonitor();
        using var handler = new ScriptedHandler(n => n == 1
            ? ScriptedHandler.Json((HttpStatusCode)429, """{"message":"You are being rate limited.","retry_after":1,"global":true}""", ("X-RateLimit-Global", "true"))
            : ScriptedHandler.Json(HttpStatusCode.OK, "{}"));
        using var http = new HttpClient(handler);
        var client = new DiscordRestClient(http, Options, time, monitor);

        var first = client.SendAsync(HttpMethod.Post, "channels/1/messages", null, default);
        // Once the 429 is counted the pause is recorded (as an absolute time), so advancing the clock is safe.
        await WaitUntilAsync(() => monitor.RateLimitedCount == 1);
        var other = client.SendAsync(HttpMethod.Get, "users/@me", null, default);
        var heldBack = !other.IsCompleted && handler.Count == 1;
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first, other);

        Assert.True(heldBack);
        Assert.Equal(3, handler.Count);
    }

    [Theory]
    [InlineData("POST", "channels/123/messages", "POST channels/{id}/messages", "123")]
    [InlineData("PATCH", "channels/123/messages/456", "PATCH channels/{id}/messages/{id}", "123")]
    [InlineData("PUT", "applications/77/guilds/88/commands", "PUT applications/{id}/guilds/{id}/commands", "")]
    [InlineData("GET", "guilds/88/channels", "GET guilds/{id}/channels", "88")]
    [InlineData("PATCH", "webhooks/77/tok-en/messages/@original", "PATCH webhooks/{id}/{token}/messages/@original", "77/tok-en")]
    [InlineData("POST", "interactions/99/tok/callback", "POST interactions/{id}/{token}/callback", "99/tok")]
    [InlineData("GET", "gateway/bot?x=1", "GET gateway/bot", "")]
    public void RouteKey_GroupsAsDiscordsBucketsDo(string method, string path, string route, string major)
    {
        Assert.Equal((route, major), new DiscordRequest(new HttpMethod(method), path).RouteKey);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
