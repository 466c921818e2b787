using System.Net;
using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The running bot's Home tab with Slack in many workspaces (Slack:ClientId, Http mode), as two workspaces' people
/// meet it: the app is installed into both through Slack's OAuth flow, someone in each opens the Home tab and sees the
/// night; a council declaring brings both tabs up to date; after one workspace uninstalls the app, the next
/// declaration reaches only the other.
/// </summary>
public sealed class SlackWorkspacesAppHomeTests
{
    private const string TeamA = "T0PARTYHQ";
    private const string TeamB = "T0TOWNHALL";
    private const string Alice = "U0ALICE";
    private const string Bob = "U0BOB";
    private const string SigningSecret = "home-workspaces-signing-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_TwoWorkspacesOpenTheHomeTab_EachIsPublishedWithItsToken_BothRefreshed_AndAfterAnUninstallOnlyTheOther()
    {
        var slack = new FakeSlackWebApi { SigningSecret = SigningSecret }.AddWorkspace(TeamA, "Party HQ").AddWorkspace(TeamB, "Town Hall");
        await using var server = await FakeServer.StartAsync(slack);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var bot = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        slack.EventsRequestUrl = new Uri(bot, "/slack/events");
        slack.AppRedirectUrls.Add(new Uri(bot, "/slack/oauth_redirect"));
        feed.CopyFeed("Local_Test_result_Adur_1.xml");

        using var running = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Path,
            "--Feed:PollInterval=100ms",
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Slack:ClientId=" + FakeSlackWebApi.ClientId,
            "--Slack:ClientSecret=" + FakeSlackWebApi.ClientSecret,
            "--Slack:TokenKey=" + Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)(i * 5))]),
            "--Slack:SigningSecret=" + SigningSecret,
            "--Slack:Mode=Http",
            "--Slack:HomeRefresh=1s",
            "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
            "--urls=" + bot);
        await Waits.UntilAsync(() => Answers(bot), running, Patience, "the web server");
        await InstallAsync(slack, bot, TeamA);
        await InstallAsync(slack, bot, TeamB);

        Assert.Equal(200, await slack.OpenHomeAsync(TeamA, Alice));
        Assert.Equal(200, await slack.OpenHomeAsync(TeamB, Bob));
        await Waits.UntilAsync(() => slack.HomeViews(TeamA, Alice).Count == 1 && slack.HomeViews(TeamB, Bob).Count == 1, running, Patience, "both Home tabs");
        var firstA = slack.HomeViews(TeamA, Alice)[0];
        var firstB = slack.HomeViews(TeamB, Bob)[0];

        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        await Waits.UntilAsync(() => slack.HomeViews(TeamA, Alice).Count == 2 && slack.HomeViews(TeamB, Bob).Count == 2, running, Patience, "both Home tabs refreshed");

        Assert.Equal([200, 200], await slack.UninstallAsync(TeamB));
        var callsToB = slack.ViewsPublishCallsOf(TeamB);
        feed.CopyFeed("Local_Test_result_Rushmoor_1.xml");
        await Waits.UntilAsync(() => slack.HomeViews(TeamA, Alice).Count == 3, running, Patience, "Party HQ's tab refreshed after Town Hall left");
        await Task.Delay(2500); // two more refreshes: a publish to Town Hall, were there one, would come now
        running.Signal("TERM");
        await running.WaitForExitAsync(Patience);

        // Each tab was published in its own workspace, with that workspace's token (the fake files a view under the token's team).
        Assert.Equal(TeamA, (string?)firstA["team_id"]);
        Assert.Equal(TeamB, (string?)firstB["team_id"]);
        Assert.Contains("Adur", Text(firstA), StringComparison.Ordinal);
        Assert.Contains("Adur", Text(firstB), StringComparison.Ordinal);
        Assert.Contains("Reform UK gain Thurrock", Text(slack.HomeViews(TeamB, Bob)[1]), StringComparison.Ordinal);
        Assert.Contains("Rushmoor", Text(slack.HomeViews(TeamA, Alice)[2]), StringComparison.Ordinal);
        Assert.Equal(2, slack.HomeViews(TeamB, Bob).Count);
        Assert.Equal(callsToB, slack.ViewsPublishCallsOf(TeamB));
        Assert.Empty(slack.HomeViews(TeamB, Alice));
        Assert.Empty(slack.HomeViews(TeamA, Bob));
        Assert.Equal(0, slack.ViewsRateLimitedCount);
    }

    private static string Text(JsonObject view) => view["blocks"]!.ToJsonString();

    private static bool Answers(Uri bot)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        try
        {
            using var response = http.GetAsync(new Uri(bot, "/slack/install")).GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.Redirect;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>A workspace admin's browser: the bot's install link, Slack's consent page, back to the bot.</summary>
    private static async Task InstallAsync(FakeSlackWebApi slack, Uri bot, string team)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        slack.ApproveInstallsFor(team);
        using var install = await browser.GetAsync(new Uri(bot, "/slack/install"));
        using var consent = await browser.GetAsync(install.Headers.Location);
        using var back = await browser.GetAsync(consent.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Single(slack.TokensOf(team));
    }
}
