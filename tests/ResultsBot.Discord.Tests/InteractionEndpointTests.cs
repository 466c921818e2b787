using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Interactions;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>The Interactions Endpoint on a real Kestrel server, reached with signed requests like Discord's.</summary>
public sealed class InteractionEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly FakeDiscordInteractions _fake = new();
    private readonly FakeDiscordInteractionsSigner _signer = new();
    private readonly InteractionTestBot _bot = new();
    private readonly HttpClient _http = new();
    private FakeServer _discord = null!;
    private WebApplication _app = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeServer.StartAsync(_fake);
        var options = InteractionTestOptions.For(_discord, _fake, publicKey: _signer.PublicKeyHex, mode: DiscordMode.Interactions);
        var handler = new DiscordInteractionHandler(options, _http, _bot, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance)
        {
            DeferAfter = TimeSpan.FromMilliseconds(300),
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapDiscordInteractions(handler, options, TimeProvider.System);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _endpoint = new Uri(new Uri(address), DiscordInteractionsEndpoint.DefaultPath);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _signer.Dispose();
    }

    [Fact]
    public async Task Ping_Signed_AnsweredWithPong()
    {
        var ping = _fake.Ping();

        var status = await _fake.DeliverToEndpointAsync(_http, _endpoint, ping, _signer);

        Assert.Equal(200, status);
        Assert.Equal(1, (await ping.WaitForCallbackAsync()).Type);
    }

    [Fact]
    public async Task SlashCommand_Signed_AnsweredInTheHttpResponse()
    {
        var command = _fake.SlashCommand("party", new Dictionary<string, string> { ["name"] = "Green" });

        var status = await _fake.DeliverToEndpointAsync(_http, _endpoint, command, _signer);

        Assert.Equal(200, status);
        var callback = await command.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        Assert.Equal("answer to /party Green", callback.Content);
        Assert.Equal("/party Green", Assert.Single(_bot.Requests).Text);
    }

    [Fact]
    public async Task SlashCommand_SlowAnswer_RespondsDeferredThenEditsOriginalOverRest()
    {
        var release = new TaskCompletionSource<CommandAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bot.Answer = (_, _) => release.Task;
        var command = _fake.SlashCommand("gains");

        var status = await _fake.DeliverToEndpointAsync(_http, _endpoint, command, _signer);
        Assert.Equal(200, status);
        Assert.Equal(5, (await command.WaitForCallbackAsync()).Type);
        release.SetResult(new CommandAnswer("Hull: LD gain from Lab"));

        await command.WaitForMessagesAsync(0, edits: 1);
        Assert.Equal("Hull: LD gain from Lab", Assert.Single(command.OriginalEdits)["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task SlashCommand_LongAnswer_PagedAndNextPressedOverTheEndpointUpdatesTheMessage()
    {
        _bot.Answer = (_, _) => Task.FromResult(new CommandAnswer(string.Join('\n', Enumerable.Range(1, 100).Select(i => $"Line {i:000} of a long list of councils"))));
        var command = _fake.SlashCommand("awaiting");

        Assert.Equal(200, await _fake.DeliverToEndpointAsync(_http, _endpoint, command, _signer));
        var first = await command.WaitForCallbackAsync();
        var next = _fake.PressButton(FakeDiscordInteractions.ResponseMessage(command), "Next");
        Assert.Equal(200, await _fake.DeliverToEndpointAsync(_http, _endpoint, next, _signer));
        var second = await next.WaitForCallbackAsync();

        Assert.Equal(4, first.Type);
        Assert.StartsWith("Line 001 of a long list of councils\n", first.Content, StringComparison.Ordinal);
        Assert.Empty(command.FollowUps);
        Assert.Equal(7, second.Type);
        Assert.EndsWith("Line 100 of a long list of councils", second.Content, StringComparison.Ordinal);
        Assert.Equal("Page 2 of 2", FakeDiscordButtons.Of(second.Data!["components"])[1].Label);
    }

    [Fact]
    public async Task ButtonPress_FullResultSigned_AnsweredPrivatelyAndForgedOneRefused()
    {
        using var forger = new FakeDiscordInteractionsSigner();
        var message = new JsonObject
        {
            ["id"] = "1300000000000000009",
            ["channel_id"] = "3001",
            ["content"] = "",
            ["components"] = JsonNode.Parse("""[{"type":1,"components":[{"type":2,"style":2,"label":"Full result","custom_id":"full:council/hull"}]}]"""),
        };
        var press = _fake.PressButton(message, "Full result");
        var forged = _fake.PressButton(message, "Full result");

        Assert.Equal(200, await _fake.DeliverToEndpointAsync(_http, _endpoint, press, _signer));
        Assert.Equal(401, await _fake.DeliverToEndpointAsync(_http, _endpoint, forged, forger));

        var answer = await press.WaitForCallbackAsync();
        Assert.True(answer.Ephemeral);
        Assert.Equal("answer to /council hull", answer.Content);
        Assert.Equal("/council hull", Assert.Single(_bot.Requests).Text);
    }

    [Fact]
    public async Task Request_SignedAndSentAgainWithinTheWindow_RunsOnlyOnce()
    {
        var body = _fake.SlashCommand("share", new Dictionary<string, string> { ["set"] = "Lab 34 source BBC" }).Payload.ToJsonString();
        var timestamp = Now();
        var signature = _signer.Sign(timestamp, body);

        using var first = Post(body, timestamp, signature);
        using var firstResponse = await _http.SendAsync(first);
        using var replay = Post(body, timestamp, signature);
        using var replayResponse = await _http.SendAsync(replay);

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replayResponse.StatusCode);
        Assert.Single(_bot.Requests);
    }

    [Fact]
    public async Task Request_BadSignature_Is401AndNeverReachesTheBot()
    {
        var body = _fake.SlashCommand("help").Payload.ToJsonString();
        var timestamp = Now();
        using var request = Post(body, timestamp, _signer.Sign(timestamp, body.Replace("help", "gains", StringComparison.Ordinal)));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task Request_SignedByAnotherKey_Is401()
    {
        using var stranger = new FakeDiscordInteractionsSigner();
        var body = _fake.Ping().Payload.ToJsonString();
        var timestamp = Now();
        using var request = Post(body, timestamp, stranger.Sign(timestamp, body));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null, true)] // no signature header
    [InlineData("not-hex", true)] // malformed signature
    [InlineData("valid", false)] // no timestamp header
    public async Task Request_MissingOrMalformedHeaders_Is401(string? signature, bool withTimestamp)
    {
        var body = _fake.Ping().Payload.ToJsonString();
        var timestamp = Now();
        using var request = Post(body, withTimestamp ? timestamp : null, signature == "valid" ? _signer.Sign(timestamp, body) : signature);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_StaleButCorrectlySigned_Is401()
    {
        var body = _fake.Ping().Payload.ToJsonString();
        var stale = (TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(10)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = Post(body, stale, _signer.Sign(stale, body));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_PingBody_RespondsWithJsonContentType()
    {
        var body = _fake.Ping().Payload.ToJsonString();
        var timestamp = Now();
        using var request = Post(body, timestamp, _signer.Sign(timestamp, body));

        using var response = await _http.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
    }

    private HttpRequestMessage Post(string body, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("X-Signature-Ed25519", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.Add("X-Signature-Timestamp", timestamp);
        }

        return request;
    }

    private static string Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
