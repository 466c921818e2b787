using System.Net;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// Slack beyond one workspace, as an operator and two workspaces' admins would meet it: the bot (Slack:ClientId, Http
/// mode) is installed into two workspaces through Slack's OAuth flow, each admin subscribes a channel with /results,
/// and the sample night goes out while the bot is SIGKILLed now and then. Each workspace gets its own posts, once
/// each, with its own token; one workspace uninstalling stops its posts and no other's.
/// </summary>
public sealed class SlackWorkspacesCrashTests(ITestOutputHelper output)
{
    private const string TeamA = "T0PARTYHQ";
    private const string TeamB = "T0TOWNHALL";
    private const string ChannelA = "C0RESULTSA";
    private const string ChannelB = "C0RESULTSB";
    private const string Admin = "U0ADMIN";
    private const string SigningSecret = "workspaces-signing-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Run_TwoWorkspacesInstalledThroughOAuthAndKilledAgainAndAgain_EachGetsItsOwnPostsOnceAndAnUninstallStopsOnlyItsOwn()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var slack = new FakeSlackWebApi { SigningSecret = SigningSecret, DistributedHistoryInterval = TimeSpan.FromSeconds(2) }
            .AddWorkspace(TeamA, "Party HQ").AddWorkspace(TeamB, "Town Hall")
            .AddWorkspaceChannels(TeamA, ChannelA).AddWorkspaceChannels(TeamB, ChannelB);
        await using var server = await FakeServer.StartAsync(slack);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var port = FreePorts.Next();
        var bot = new Uri($"http://127.0.0.1:{port}");
        slack.EventsRequestUrl = new Uri(bot, "/slack/events");
        slack.AppRedirectUrls.Add(new Uri(bot, "/slack/oauth_redirect"));
        var night = SampleNightInSlack.Declarations().Count + 4; // every council, and the four milestones
        string[] Settings() =>
        [
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Slack:ClientId=" + FakeSlackWebApi.ClientId,
            "--Slack:ClientSecret=" + FakeSlackWebApi.ClientSecret,
            "--Slack:TokenKey=" + Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))]),
            "--Slack:SigningSecret=" + SigningSecret,
            "--Slack:Mode=Http",
            "--Slack:Admins=" + Admin,
            "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
            "--urls=" + bot,
        ];

        using (var first = BotProcess.Start(work.Path, [.. Settings(), "--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms"]))
        {
            await WaitForWebServerAsync(first, bot);
            Assert.Equal("ResultsBot is installed in Party HQ. Invite it to a channel (/invite @ResultsBot) and type /results subscribe there.", await InstallAsync(slack, bot, TeamA));
            Assert.Equal("ResultsBot is installed in Town Hall. Invite it to a channel (/invite @ResultsBot) and type /results subscribe there.", await InstallAsync(slack, bot, TeamB));
            Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(server, bot, TeamA, ChannelA));
            Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(server, bot, TeamB, ChannelB));
            first.Signal("TERM");
            await first.WaitForExitAsync(Patience);
        }

        string[] Night() => [.. Settings(), "--Replay:Speed=1000000"];
        for (var kill = 0; kill < 3; kill++)
        {
            var posted = slack.Messages(ChannelA).Count + slack.Messages(ChannelB).Count;
            var after = random.Next(2, 6);
            using var running = BotProcess.Start(work.Path, Night());
            await Waits.UntilAsync(() => slack.Messages(ChannelA).Count + slack.Messages(ChannelB).Count >= posted + after, running, Patience, $"the moment of kill {kill}");
            await Task.Delay(random.Next(0, 400));
            running.Signal("KILL");
            await running.WaitForExitAsync(Patience);
        }

        using (var last = BotProcess.Start(work.Path, Night()))
        {
            // Town Hall removes the app part-way through the night; Party HQ's channel goes on to the end.
            await Waits.UntilAsync(() => slack.Messages(ChannelB).Count >= night / 2, last, Patience, "half the night in Town Hall");
            Assert.Equal([200, 200], await slack.UninstallAsync(TeamB));
            var townHallAtUninstall = slack.Messages(ChannelB).Count;
            await Waits.UntilAsync(() => slack.Messages(ChannelA).Count >= night, last, Patience, "the whole night in Party HQ");
            await Task.Delay(1500); // a repeat, if there were one, would come now
            last.Signal("TERM");
            await last.WaitForExitAsync(Patience);
            Assert.Equal(townHallAtUninstall, slack.Messages(ChannelB).Count);
            Assert.Contains("workspace T0TOWNHALL uninstalled the app: its token is deleted and nothing more is posted there", last.Stdout + last.Stderr, StringComparison.Ordinal);
        }

        AssertEachPostOnce(slack.Messages(ChannelA), night);
        AssertEachPostOnce(slack.Messages(ChannelB), slack.Messages(ChannelB).Count);
        Assert.Empty(slack.TokensOf(TeamB));
        Assert.Single(slack.TokensOf(TeamA));
    }

    /// <summary>The channel holds <paramref name="count"/> posts, none of them twice (each delivery's id appears once).</summary>
    private static void AssertEachPostOnce(IReadOnlyList<FakeSlackMessage> messages, int count)
    {
        var deliveries = messages.Select(m => m.DeliveryId).ToList();
        Assert.Equal(count, messages.Count);
        Assert.All(deliveries, Assert.NotNull);
        Assert.Equal(deliveries.Count, deliveries.Distinct().Count());
        Assert.Equal(messages.Count, messages.Select(m => m.Text).Distinct().Count());
    }

    private static async Task WaitForWebServerAsync(BotProcess bot, Uri address)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        await Waits.UntilAsync(() => Answers(http, new Uri(address, "/slack/install")), bot, Patience, "the web server");
    }

    private static bool Answers(HttpClient http, Uri url)
    {
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.Redirect;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>A workspace admin's browser: the bot's install link, Slack's consent page, back to the bot.</summary>
    private static async Task<string> InstallAsync(FakeSlackWebApi slack, Uri bot, string team)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        slack.ApproveInstallsFor(team);
        using var install = await browser.GetAsync(new Uri(bot, "/slack/install"));
        using var consent = await browser.GetAsync(install.Headers.Location);
        using var back = await browser.GetAsync(consent.Headers.Location);
        return await back.Content.ReadAsStringAsync();
    }

    private static async Task<HttpStatusCode> SubscribeAsync(FakeServer server, Uri bot, string team, string channel)
    {
        using var http = new HttpClient();
        var command = new FakeSlackSlashCommand("subscribe", UserId: Admin, ChannelId: channel, TeamId: team);
        using var request = FakeSlackSlashCommandRequest.Create(new Uri(bot, "/slack/commands"), SigningSecret, TimeProvider.System.GetUtcNow(), command, new Uri(server.BaseUrl, "/response/" + team));
        using var answer = await http.SendAsync(request);
        return answer.StatusCode;
    }
}
