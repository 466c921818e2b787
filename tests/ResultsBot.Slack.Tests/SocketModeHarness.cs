using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Platforms;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.SocketMode;

namespace ResultsBot.Slack.Tests;

/// <summary>The Socket Mode client running against the fake on a loopback server, as the host would run it.</summary>
internal sealed class SocketModeHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();

    private SocketModeHarness(FakeServer server, FakeSlackSocketMode slack, FakeBotCommands commands, SocketModeOptions? options, string? appToken, TimeSpan? window, bool webApi = false)
    {
        Server = server;
        Slack = slack;
        Commands = commands;
        var slackOptions = TestOptions.For(server.BaseUrl, appToken ?? slack.AppToken);
        var client = webApi ? new ResultsBot.Slack.WebApi.SlackWebApiClient(_http, slackOptions, TimeProvider.System, Monitor, ResultsBot.Slack.WebApi.SlackRateLimits.Default with { PictureProcessingWait = TimeSpan.FromMilliseconds(50) }) : null;
        var handler = new SlashCommandHandler(slackOptions, commands, _http, TimeProvider.System, NullLogger<SlashCommandHandler>.Instance, window, client);
        Client = new SlackSocketModeClient(slackOptions, _http, handler, Monitor, TimeProvider.System, NullLogger<SlackSocketModeClient>.Instance, options ?? Fast);
        Running = Client.RunAsync(_stop.Token);
    }

    /// <summary>Quick backoff for tests; the watchdog left long unless a test is about it.</summary>
    public static SocketModeOptions Fast { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));

    public FakeServer Server { get; }

    public FakeSlackSocketMode Slack { get; }

    public FakeBotCommands Commands { get; }

    public RecordingMonitor Monitor { get; } = new();

    public SlackSocketModeClient Client { get; }

    public Task Running { get; }

    public static async Task<SocketModeHarness> StartAsync(FakeBotCommands? commands = null, SocketModeOptions? options = null, string? appToken = null, TimeSpan? window = null, Action<FakeSlackSocketMode>? configure = null)
    {
        var slack = new FakeSlackSocketMode();
        configure?.Invoke(slack);
        var server = await FakeServer.StartAsync(slack);
        return new SocketModeHarness(server, slack, commands ?? new FakeBotCommands(), options, appToken, window);
    }

    /// <summary>With Slack's Web API faked on the same server (token "xoxb-test"), so answers' pictures upload to it and response_url checks them.</summary>
    public static async Task<SocketModeHarness> StartWithWebApiAsync(FakeBotCommands commands, FakeSlackWebApi webApi)
    {
        var slack = new FakeSlackSocketMode();
        slack.ResponseUrls.Files = webApi;
        var server = await FakeServer.StartAsync(slack, webApi);
        return new SocketModeHarness(server, slack, commands, null, null, null, webApi: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Running.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Server.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
    }
}
