using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Slack.AppHome;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Storage;
using ResultsBot.Chat;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Operations;
using ResultsBot.Platforms;
using ResultsBot.Slack.OAuth;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Tests.OAuth;

/// <summary>
/// The bot's Slack part in many-workspace mode (Slack:ClientId) on a loopback web server, wired as the host wires it,
/// against a fake Slack with two workspaces; a browser (cookies, no automatic redirects) goes through the install.
/// </summary>
internal sealed class OAuthRig : IAsyncDisposable
{
    public const string TeamA = "T0AAAAAAA";
    public const string TeamB = "T0BBBBBBB";
    public const string ChannelA = "C0AAAAAAA";
    public const string ChannelB = "C0BBBBBBB";
    public const string ChannelA2 = "C0AAAAAA2";

    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private readonly WebApplication _app;
    private readonly Night _night;

    private OAuthRig(WebApplication app, FakeServer server, FakeSlackWebApi slack, Uri bot, Night night)
    {
        _app = app;
        Server = server;
        Slack = slack;
        Bot = bot;
        _night = night;
    }

    public FakeServer Server { get; }

    public FakeSlackWebApi Slack { get; }

    public Uri Bot { get; }

    public InMemoryResultsStore Store => (InMemoryResultsStore)_app.Services.GetRequiredService<IWorkspaceInstalls>();

    public IPlatformOutlet Outlet => _app.Services.GetRequiredService<IPlatformOutlet>();

    public FakeBotCommands Commands => (FakeBotCommands)_app.Services.GetRequiredService<IBotCommands>();

    /// <summary>The workspaces the bot is installed in, as the host keeps them.</summary>
    public SlackWorkspaces Workspaces => _app.Services.GetRequiredService<SlackWorkspaces>();

    /// <summary>The Home tab, wired as the host wires it for many workspaces (refreshed only when a test asks).</summary>
    internal SlackAppHome Home => _app.Services.GetRequiredService<SlackAppHome>();

    /// <summary>What /declared answers (and so what the Home tab shows under the latest declarations): a council declaring changes it.</summary>
    public string Declared
    {
        get => _night.Declared;
        set => _night.Declared = value;
    }

    public static async Task<OAuthRig> StartAsync(SlackRateLimits? limits = null, Uri? redirectUrl = null)
    {
        var slack = new FakeSlackWebApi { SigningSecret = TestOptions.SigningSecret }
            .AddWorkspace(TeamA, "Party HQ").AddWorkspace(TeamB, "Town Hall")
            .AddWorkspaceChannels(TeamA, ChannelA, ChannelA2).AddWorkspaceChannels(TeamB, ChannelB);
        var server = await FakeServer.StartAsync(slack);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var oauth = new SlackOAuthOptions(FakeSlackWebApi.ClientId, FakeSlackWebApi.ClientSecret, Key, SlackOAuthOptions.DefaultScopes, redirectUrl);
        // The Home tab's own refresher waits an hour: the tests refresh it when they mean to.
        var options = new SlackOptions("", TestOptions.SigningSecret, null, SlackMode.Http, [], new HashSet<string>(["U0ADMIN"]), new Uri(server.BaseUrl, "/api/")) { OAuth = oauth, HomeRefresh = TimeSpan.FromHours(1) };
        var night = new Night();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(limits ?? SlackRateLimits.Default);
        services.AddSingleton<IWorkspaceInstalls>(new InMemoryResultsStore(TimeProvider.System));
        services.AddSingleton<IBotCommands>(new FakeBotCommands(night.AnswerAsync));
        services.AddSingleton(options);
        services.AddSlackWebApi();
        services.AddSlackWorkspaces(options, oauth);
        services.AddSlackAppHome(options, sp => new InstalledHomeWorkspaces(sp.GetRequiredService<SlackWorkspaces>()));
        var app = builder.Build();
        foreach (var endpoints in app.Services.GetServices<IWebEndpoints>())
        {
            endpoints.Map(app);
        }

        // The install's events arrive at the app's one events endpoint, which the bot shares with the Home tab.
        app.MapSlackEvents(app.Services.GetRequiredService<SlackAppHome>(), TestOptions.SigningSecret, TimeProvider.System, NullLogger.Instance, app.Services.GetRequiredService<SlackLifecycleEvents>());

        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'));
        slack.EventsRequestUrl = new Uri(address, "/slack/events");
        slack.AppRedirectUrls.Add(redirectUrl ?? new Uri(address, "/slack/oauth_redirect"));
        return new OAuthRig(app, server, slack, address, night);
    }

    /// <summary>A browser: its own cookies, redirects looked at one by one.</summary>
    public static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    /// <summary>Installs the app into <paramref name="team"/> as a person would: the install link, Slack's consent, back to the bot.</summary>
    public async Task<(HttpStatusCode Status, string Page)> InstallAsync(string team, HttpClient? browser = null)
    {
        using var own = browser is null ? Browser() : null;
        var client = browser ?? own!;
        Slack.ApproveInstallsFor(team);
        var consent = await ConsentAsync(client);
        using var back = await client.GetAsync(consent);
        return (back.StatusCode, await back.Content.ReadAsStringAsync());
    }

    /// <summary>The install link and Slack's consent page: where Slack sends the browser back to (code and state in the query).</summary>
    public async Task<Uri> ConsentAsync(HttpClient browser)
    {
        using var install = await browser.GetAsync(new Uri(Bot, "/slack/install"));
        Assert.Equal(HttpStatusCode.Redirect, install.StatusCode);
        using var authorize = await browser.GetAsync(install.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        return authorize.Headers.Location!;
    }

    /// <summary>The bot's answers: "Answer to /council X" and so on, and /declared as the test has it.</summary>
    private sealed class Night
    {
        public string Declared { get; set; } = "Labour hold Adur";

        public Task<ResultsBot.Domain.Commands.CommandAnswer> AnswerAsync(CommandRequest request) =>
            Task.FromResult(new ResultsBot.Domain.Commands.CommandAnswer(request.Text == "/declared" ? Declared : "Answer to " + request.Text));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Server.DisposeAsync();
    }
}
