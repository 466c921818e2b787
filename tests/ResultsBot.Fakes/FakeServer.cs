using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResultsBot.Fakes;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port, serving the fake parts given to it (e.g. Discord's
/// REST API and its gateway together, so one base address serves both as the real one does).
/// </summary>
public sealed class FakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:PORT (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The same address as ws://, for WebSocket URLs.</summary>
    public Uri WebSocketUrl => new UriBuilder(BaseUrl) { Scheme = "ws" }.Uri;

    public static async Task<FakeServer> StartAsync(params IFakeRoutes[] parts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        foreach (var part in parts)
        {
            part.Map(app);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeServer(app, new Uri(address.TrimEnd('/')));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
