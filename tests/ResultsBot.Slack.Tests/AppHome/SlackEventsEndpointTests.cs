using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.AppHome;

namespace ResultsBot.Slack.Tests.AppHome;

/// <summary>POST /slack/events on the bot's web server (Http mode), against the fake Slack's views.publish.</summary>
public sealed class SlackEventsEndpointTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2024, 5, 3, 2, 0, 0, TimeSpan.Zero));

    private const string HomeOpened = """
        {"token":"unused","team_id":"T0FAKETEAM","api_app_id":"A0FAKEAPP01","type":"event_callback","event_id":"Ev0001",
         "event":{"type":"app_home_opened","user":"U0READER1","channel":"D0FAKEDM01","tab":"home","event_ts":"1714700000.000100"}}
        """;

    [Fact]
    public async Task AppHomeOpened_Signed_Is200AndTheHomeTabIsPublishedForThatUser()
    {
        await using var rig = await WebApiRig.StartAsync();
        await using var endpoint = await Endpoint.StartAsync(rig);

        using var response = await endpoint.PostAsync(HomeOpened);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await TestOptions.WaitUntilAsync(() => rig.Slack.HomeViews("U0READER1").Count == 1, "the Home tab published");
    }

    [Fact]
    public async Task AppHomeOpened_WronglySigned_Is401AndPublishesNothing()
    {
        await using var rig = await WebApiRig.StartAsync();
        await using var endpoint = await Endpoint.StartAsync(rig);

        using var response = await endpoint.PostAsync(HomeOpened, secret: "not-the-signing-secret");
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, rig.Slack.HomeViewPublishCount);
    }

    [Fact]
    public async Task UrlVerification_IsAnsweredWithItsChallenge()
    {
        await using var rig = await WebApiRig.StartAsync();
        await using var endpoint = await Endpoint.StartAsync(rig);

        using var response = await endpoint.PostAsync("""{"token":"unused","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The bot's web server with only /slack/events mapped, on a free loopback port.</summary>
    private sealed class Endpoint : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly SlackAppHome _home;
        private readonly HttpClient _http = new();

        private Endpoint(WebApplication app, SlackAppHome home, Uri url)
        {
            _app = app;
            _home = home;
            Url = url;
        }

        public Uri Url { get; }

        public static async Task<Endpoint> StartAsync(WebApiRig rig)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var home = new SlackAppHome(rig.Client, new FakeBotCommands(), TimeProvider.System, NullLogger<SlackAppHome>.Instance);
            app.MapSlackEvents(home, TestOptions.SigningSecret, Clock, NullLogger.Instance);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Endpoint(app, home, new Uri(address.TrimEnd('/') + SlackEventsEndpoint.DefaultPath));
        }

        public Task<HttpResponseMessage> PostAsync(string body, string secret = TestOptions.SigningSecret)
        {
            var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", FakeSlackSlashCommandRequest.Sign(secret, timestamp, body));
            return _http.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _home.Dispose();
            _http.Dispose();
        }
    }
}
