using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Platforms;
using ResultsBot.Slack.Commands;

namespace ResultsBot.Slack.Tests;

/// <summary>The bot's web server with only /slack/commands and /slack/interactivity mapped, on a free loopback port.</summary>
internal sealed class SlackCommandEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private SlackCommandEndpointHost(WebApplication app, HttpClient http, Uri endpoint, Uri interactivity)
    {
        _app = app;
        _http = http;
        Endpoint = endpoint;
        Interactivity = interactivity;
    }

    public Uri Endpoint { get; }

    /// <summary>Where Slack sends button presses (the Interactivity Request URL).</summary>
    public Uri Interactivity { get; }

    public static Task<SlackCommandEndpointHost> StartAsync(IBotCommands commands, TimeProvider time, TimeSpan? window = null, params string[] admins) =>
        StartAsync(commands, time, window, null, admins);

    /// <param name="webApi">Where answers' pictures upload; none when null.</param>
    public static async Task<SlackCommandEndpointHost> StartAsync(IBotCommands commands, TimeProvider time, TimeSpan? window, ResultsBot.Slack.WebApi.SlackWebApiClient? webApi, params string[] admins)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var http = new HttpClient();
        var handler = new SlashCommandHandler(TestOptions.For(new Uri("http://127.0.0.1"), admins: admins), commands, http, time, NullLogger<SlashCommandHandler>.Instance, window, webApi);
        app.MapSlackCommands(handler);
        app.MapSlackInteractivity(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlackCommandEndpointHost(app, http, new Uri(address.TrimEnd('/') + SlackCommandEndpoint.DefaultPath), new Uri(address.TrimEnd('/') + SlackInteractivityEndpoint.DefaultPath));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
