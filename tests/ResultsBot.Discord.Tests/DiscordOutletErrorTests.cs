using System.Net;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>Answers the fake never gives for our (always valid) bodies, scripted to check the outlet reads them right.</summary>
public sealed class DiscordOutletErrorTests
{
    private static readonly DiscordOptions Options =
        new("t", null, null, DiscordMode.Gateway, [], null, new Uri("http://discord.test/api/v10"), null);

    [Fact]
    public async Task SendAsync_InvalidFormBody_IsRejectedWithDiscordsMessage()
    {
        const string error = """{"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"title":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 256 or fewer in length."}]}}}}}""";
        var outlet = Outlet(HttpStatusCode.BadRequest, error, out var handler);

        var rejected = await Assert.ThrowsAsync<PostRejectedException>(() => outlet.SendAsync(SamplePosts.To("1", 5, SamplePosts.Declaration()), default));

        Assert.Contains("Invalid Form Body: embeds.0.title: Must be 256 or fewer in length. (BASE_TYPE_MAX_LENGTH)", rejected.Reason, StringComparison.Ordinal);
        handler.Dispose();
    }

    [Fact]
    public async Task SendAsync_404WithoutDiscordsCode_IsRetryLaterNotGone()
    {
        // A proxy's or wrong base URL's 404 says nothing about the channel.
        var outlet = Outlet(HttpStatusCode.NotFound, "<html>not found</html>", out var handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => outlet.SendAsync(SamplePosts.To("1", 5, SamplePosts.Declaration()), default));
        handler.Dispose();
    }

    private static DiscordOutlet Outlet(HttpStatusCode status, string body, out ScriptedHandler handler)
    {
        handler = new ScriptedHandler(_ => ScriptedHandler.Json(status, body));
        return new DiscordOutlet(new DiscordRestClient(new HttpClient(handler, disposeHandler: false), Options));
    }
}
