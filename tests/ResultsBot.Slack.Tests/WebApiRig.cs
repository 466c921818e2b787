using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Platforms;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Tests;

/// <summary>A fake Slack on loopback and our client and outlet pointed at it, on the real clock.</summary>
internal sealed class WebApiRig : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private WebApiRig(FakeServer server, FakeSlackWebApi slack, SlackRateLimits? limits, string token)
        : this(server, slack, limits, token, null)
    {
    }

    private WebApiRig(FakeServer server, FakeSlackWebApi slack, SlackRateLimits? limits, string token, Microsoft.Extensions.Logging.ILogger<SlackOutlet>? logger)
    {
        Server = server;
        Slack = slack;
        Options = new SlackOptions(token, null, null, SlackMode.SocketMode, [], new HashSet<string>(), new Uri(server.BaseUrl, "/api/"));
        Client = new SlackWebApiClient(_http, Options, TimeProvider.System, Monitor, limits);
        Outlet = new SlackOutlet(Client, logger);
    }

    public FakeServer Server { get; }

    public FakeSlackWebApi Slack { get; }

    public SlackOptions Options { get; }

    public CountingMonitor Monitor { get; } = new();

    public SlackWebApiClient Client { get; }

    public SlackOutlet Outlet { get; }

    public static async Task<WebApiRig> StartAsync(SlackRateLimits? limits = null, string token = FakeSlackWebApi.DefaultToken, params string[] channels)
    {
        var slack = new FakeSlackWebApi().AddChannels(channels.Length == 0 ? ["C1"] : channels);
        return new WebApiRig(await FakeServer.StartAsync(slack), slack, limits, token);
    }

    /// <summary>A rig around a fake set up by the test (file switches, scopes, paces), with the outlet logging to <paramref name="logger"/>.</summary>
    public static async Task<WebApiRig> StartAsync(FakeSlackWebApi slack, SlackRateLimits? limits, Microsoft.Extensions.Logging.ILogger<SlackOutlet>? logger = null) =>
        new(await FakeServer.StartAsync(slack), slack, limits, FakeSlackWebApi.DefaultToken, logger);

    public async ValueTask DisposeAsync()
    {
        Slack.Hang = false;
        _http.Dispose();
        await Server.DisposeAsync();
    }

    internal sealed class CountingMonitor : IPlatformMonitor
    {
        private int _rateLimited;

        public int RateLimited => Volatile.Read(ref _rateLimited);

        void IPlatformMonitor.ConnectionChanged(string platform, bool connected, string detail)
        {
        }

        void IPlatformMonitor.Reconnected(string platform)
        {
        }

        void IPlatformMonitor.RateLimited(string platform)
        {
            Assert.Equal("slack", platform);
            Interlocked.Increment(ref _rateLimited);
        }

        void IPlatformMonitor.InvalidRequest(string platform, int status)
        {
        }
    }
}
