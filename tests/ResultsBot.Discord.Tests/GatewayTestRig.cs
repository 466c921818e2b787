using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Gateway;
using ResultsBot.Discord.Interactions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests;

/// <summary>The gateway client running against the fake gateway and interactions REST on one loopback server.</summary>
internal sealed class GatewayTestRig : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();

    private GatewayTestRig(FakeServer server, FakeDiscordInteractions interactions, FakeDiscordGateway gateway, double jitter, ILogger<DiscordGatewayClient>? logger)
    {
        Server = server;
        Interactions = interactions;
        Gateway = gateway;
        var options = InteractionTestOptions.For(server, interactions);
        var handler = new DiscordInteractionHandler(options, _http, Bot, TimeProvider.System, Monitor, NullLogger<DiscordInteractionHandler>.Instance);
        Client = new DiscordGatewayClient(options, _http, handler, Monitor, TimeProvider.System, logger ?? NullLogger<DiscordGatewayClient>.Instance, new GatewayFixedRandom(jitter))
        {
            Timings = new GatewayTimings
            {
                InvalidSessionMin = TimeSpan.FromMilliseconds(50),
                InvalidSessionMax = TimeSpan.FromMilliseconds(100),
                FirstBackoff = TimeSpan.FromMilliseconds(50),
                MaxBackoff = TimeSpan.FromMilliseconds(200),
                ConnectTimeout = TimeSpan.FromSeconds(5),
            },
        };
    }

    public FakeServer Server { get; }

    public FakeDiscordInteractions Interactions { get; }

    public FakeDiscordGateway Gateway { get; }

    public InteractionTestBot Bot { get; } = new();

    public GatewayTestMonitor Monitor { get; } = new();

    public DiscordGatewayClient Client { get; }

    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>Starts the fake (heartbeat every <paramref name="heartbeat"/>) and the client, and waits for READY.</summary>
    public static async Task<GatewayTestRig> StartAsync(TimeSpan? heartbeat = null, double jitter = 0, ILogger<DiscordGatewayClient>? logger = null)
    {
        var interactions = new FakeDiscordInteractions();
        var gateway = new FakeDiscordGateway(interactions) { HeartbeatInterval = heartbeat ?? TimeSpan.FromSeconds(1) };
        var server = await FakeServer.StartAsync(gateway, interactions);
        var rig = new GatewayTestRig(server, interactions, gateway, jitter, logger);
        rig.Running = rig.Client.RunAsync(rig._stop.Token);
        await rig.WaitAsync(() => rig.Gateway.IsReady && rig.Client.Connected, "READY");
        return rig;
    }

    public Task WaitAsync(Func<bool> condition, string what) =>
        FakeDiscordGateway.WaitUntilAsync(condition, $"{what} ({Gateway})", TimeSpan.FromSeconds(15));

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        await Server.DisposeAsync();
        Gateway.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }
}
