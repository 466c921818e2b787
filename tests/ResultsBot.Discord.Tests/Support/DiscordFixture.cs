using ResultsBot.Discord.Rest;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Support;

/// <summary>A fake Discord on loopback and a REST client + outlet pointed at it, as the host would build them.</summary>
public sealed class DiscordFixture : IAsyncDisposable
{
    public const string Token = "test-bot-token.abc";

    private DiscordFixture(FakeServer server, FakeDiscordRest fake, HttpClient http, DiscordRestClient rest, RecordingMonitor monitor)
    {
        Server = server;
        Fake = fake;
        Http = http;
        Rest = rest;
        Monitor = monitor;
        Outlet = new DiscordOutlet(rest);
    }

    public FakeServer Server { get; }

    public FakeDiscordRest Fake { get; }

    public HttpClient Http { get; }

    public DiscordRestClient Rest { get; }

    public DiscordOutlet Outlet { get; }

    public RecordingMonitor Monitor { get; }

    public static async Task<DiscordFixture> StartAsync(FakeDiscordRestOptions? options = null, string token = Token, TimeSpan? httpTimeout = null)
    {
        var fake = new FakeDiscordRest(Token, options);
        var server = await FakeServer.StartAsync(fake);
        var http = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(20) };
        var monitor = new RecordingMonitor();
        var rest = new DiscordRestClient(http, Options(server, token), TimeProvider.System, monitor);
        return new DiscordFixture(server, fake, http, rest, monitor);
    }

    public static DiscordOptions Options(FakeServer server, string token = Token) =>
        new(token, "1200000000000000001", null, DiscordMode.Gateway, [], null, new Uri(server.BaseUrl, "/api"), null);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
