using System.Net;
using System.Text.Json.Nodes;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes.Slack;
using ResultsBot.Platforms;
using ResultsBot.Slack.OAuth;

namespace ResultsBot.Slack.Tests.OAuth;

/// <summary>The install flow end to end against the fake: two workspaces, each with its own token, posts and uninstall.</summary>
public sealed class OAuthInstallTests
{
    [Fact]
    public async Task Install_TwoWorkspaces_EachGetsItsOwnPostsWithItsOwnToken()
    {
        await using var rig = await OAuthRig.StartAsync();

        var a = await rig.InstallAsync(OAuthRig.TeamA);
        var b = await rig.InstallAsync(OAuthRig.TeamB);
        await rig.Outlet.SendAsync(new OutgoingPost(1, OAuthRig.TeamA + "-" + OAuthRig.ChannelA, Post("Labour hold Birmingham")), CancellationToken.None);
        await rig.Outlet.SendAsync(new OutgoingPost(2, OAuthRig.TeamB + "-" + OAuthRig.ChannelB, Post("Reform gain Durham")), CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, "ResultsBot is installed in Party HQ. Invite it to a channel (/invite @ResultsBot) and type /results subscribe there."), a);
        Assert.Equal((HttpStatusCode.OK, "ResultsBot is installed in Town Hall. Invite it to a channel (/invite @ResultsBot) and type /results subscribe there."), b);
        Assert.Equal(["Labour hold Birmingham"], rig.Slack.Messages(OAuthRig.ChannelA).Select(m => Headline(m)));
        Assert.Equal(["Reform gain Durham"], rig.Slack.Messages(OAuthRig.ChannelB).Select(m => Headline(m)));
        Assert.Equal(2, rig.Slack.TokenExchanges);
    }

    [Fact]
    public async Task Install_TokenIsKeptSealed_NeitherTheStoreNorAnotherWorkspacesRowGivesItAway()
    {
        await using var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        var token = Assert.Single(rig.Slack.TokensOf(OAuthRig.TeamA));
        var stored = rig.Store.FindInstall(OAuthRig.TeamA)!;
        var seal = new TokenSeal(OAuthRig.Key);

        Assert.DoesNotContain(token, stored.SealedToken, StringComparison.Ordinal);
        Assert.Equal(token, seal.Open(OAuthRig.TeamA, stored.SealedToken));
        Assert.Null(seal.Open(OAuthRig.TeamB, stored.SealedToken));
        Assert.Null(new TokenSeal([.. Enumerable.Repeat((byte)7, 32)]).Open(OAuthRig.TeamA, stored.SealedToken));
        Assert.Equal(("Party HQ", "U0BOT0AAAAAAA"), (stored.Name, stored.BotUserId));
    }

    [Fact]
    public async Task Install_SendsTheBrowserToSlacksConsentPage_WithClientIdScopesAndAStateAlsoSetAsACookie()
    {
        await using var rig = await OAuthRig.StartAsync();
        using var browser = OAuthRig.Browser();
        using var install = await browser.GetAsync(new Uri(rig.Bot, "/slack/install"));
        var authorize = System.Web.HttpUtility.ParseQueryString(install.Headers.Location!.Query);

        Assert.Equal(new Uri(rig.Server.BaseUrl, "/oauth/v2/authorize").GetLeftPart(UriPartial.Path), install.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal(FakeSlackWebApi.ClientId, authorize["client_id"]);
        Assert.Equal("chat:write,commands,channels:history,groups:history,files:write", authorize["scope"]);
        Assert.Equal(3, authorize["state"]!.Split('.').Length);
        Assert.Contains("resultsbot_slack_state=" + authorize["state"], install.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
        Assert.Contains("httponly", install.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Redirect_StateFromAnotherBrowser_IsRefusedAndNothingIsInstalled()
    {
        await using var rig = await OAuthRig.StartAsync();
        using var victim = OAuthRig.Browser();
        using var attacker = OAuthRig.Browser();
        rig.Slack.ApproveInstallsFor(OAuthRig.TeamA);
        var back = await rig.ConsentAsync(attacker);

        using var answer = await victim.GetAsync(back);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("ResultsBot was not installed: the install was started in another browser: start again (/slack/install).", await answer.Content.ReadAsStringAsync());
        Assert.Empty(rig.Store.LoadInstalls());
        Assert.Equal(0, rig.Slack.TokenExchanges);
    }

    [Fact]
    public async Task Redirect_StateNotSignedByTheBot_IsRefusedBeforeTheCodeIsUsed()
    {
        await using var rig = await OAuthRig.StartAsync();
        using var browser = OAuthRig.Browser();
        rig.Slack.ApproveInstallsFor(OAuthRig.TeamA);
        var back = await rig.ConsentAsync(browser);
        var forged = new Uri(back.ToString().Replace("state=", "state=1" , StringComparison.Ordinal));

        using var answer = await browser.GetAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("ResultsBot was not installed: the state was not signed by this bot (/slack/install).", await answer.Content.ReadAsStringAsync());
        Assert.Empty(rig.Store.LoadInstalls());
    }

    [Fact]
    public async Task Install_OrgWide_RefusedSayingSoAndNothingKept()
    {
        await using var rig = await OAuthRig.StartAsync();
        rig.Slack.OrgWideInstalls = true;

        var answer = await rig.InstallAsync(OAuthRig.TeamA);

        Assert.Equal((HttpStatusCode.BadRequest, "ResultsBot was not installed: org-wide installs are not supported; install it into a workspace (/slack/install)."), answer);
        Assert.Empty(rig.Store.LoadInstalls());
    }

    [Fact]
    public async Task Redirect_PersonSaidNoOnSlacksPage_NothingIsInstalled()
    {
        await using var rig = await OAuthRig.StartAsync();
        using var browser = OAuthRig.Browser();

        using var answer = await browser.GetAsync(new Uri(rig.Bot, "/slack/oauth_redirect?error=access_denied&state=x"));

        Assert.Equal("ResultsBot was not installed (access_denied). Start again at /slack/install if that was not meant.", await answer.Content.ReadAsStringAsync());
        Assert.Empty(rig.Store.LoadInstalls());
    }

    [Fact]
    public async Task Uninstall_OneWorkspace_ItsChannelsAreGoneAndItsTokenDeletedWhileTheOtherCarriesOn()
    {
        await using var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        await rig.InstallAsync(OAuthRig.TeamB);
        await rig.Outlet.SendAsync(new OutgoingPost(1, OAuthRig.TeamA + "-" + OAuthRig.ChannelA, Post("Labour hold Birmingham")), CancellationToken.None);

        var statuses = await rig.Slack.UninstallAsync(OAuthRig.TeamA);
        var gone = await Assert.ThrowsAsync<ChannelGoneException>(() => rig.Outlet.SendAsync(new OutgoingPost(2, OAuthRig.TeamA + "-" + OAuthRig.ChannelA, Post("Reform gain Durham")), CancellationToken.None));
        await rig.Outlet.SendAsync(new OutgoingPost(3, OAuthRig.TeamB + "-" + OAuthRig.ChannelB, Post("Reform gain Durham")), CancellationToken.None);

        Assert.Equal([200, 200], statuses);
        Assert.Equal("Slack workspace T0AAAAAAA: the bot is not installed there (uninstalled, or its tokens revoked); install it again to resume", gone.Message);
        Assert.Null(rig.Store.FindInstall(OAuthRig.TeamA));
        Assert.NotNull(rig.Store.FindInstall(OAuthRig.TeamB));
        Assert.Equal(["Labour hold Birmingham"], rig.Slack.Messages(OAuthRig.ChannelA).Select(m => Headline(m)));
        Assert.Equal(["Reform gain Durham"], rig.Slack.Messages(OAuthRig.ChannelB).Select(m => Headline(m)));
    }

    [Fact]
    public async Task Events_TokensRevokedForTheBot_ForgetsTheWorkspaceButAForgedEventIsRefused()
    {
        await using var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        var revoked = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray(), ["bot"] = new JsonArray("U0BOT0AAAAAAA") } };

        var forged = await rig.Slack.SendEventAsync(OAuthRig.TeamA, (JsonObject)revoked.DeepClone(), signingSecret: "not-the-secret");
        var stillThere = rig.Store.FindInstall(OAuthRig.TeamA) is not null;
        var userTokensOnly = await rig.Slack.SendEventAsync(OAuthRig.TeamA, new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U0SOMEONE"), ["bot"] = new JsonArray() } });
        var stillThereAfterUsers = rig.Store.FindInstall(OAuthRig.TeamA) is not null;
        var real = await rig.Slack.SendEventAsync(OAuthRig.TeamA, revoked);

        Assert.Equal((401, true), (forged, stillThere));
        Assert.Equal((200, true), (userTokensOnly, stillThereAfterUsers));
        Assert.Equal(200, real);
        Assert.Null(rig.Store.FindInstall(OAuthRig.TeamA));
    }

    [Fact]
    public async Task Command_FromASecondWorkspace_NamesItsChannelWithItsWorkspace()
    {
        await using var rig = await OAuthRig.StartAsync();
        using var http = new HttpClient();
        var command = new FakeSlackSlashCommand("subscribe region London", UserId: "U0ADMIN", ChannelId: OAuthRig.ChannelB, TeamId: OAuthRig.TeamB);
        using var request = FakeSlackSlashCommandRequest.Create(new Uri(rig.Bot, "/slack/commands"), TestOptions.SigningSecret, TimeProvider.System.GetUtcNow(), command, new Uri(rig.Server.BaseUrl, "/response"));

        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var asked = Assert.Single(rig.Commands.Requests);
        Assert.Equal(new ChannelAddress("slack", "T0BBBBBBB-C0BBBBBBB"), asked.Channel);
        Assert.Equal("/subscribe region London", asked.Text);
    }

    [Fact]
    public async Task Outlet_ChannelWithoutItsWorkspace_IsGoneSayingHowToWriteIt()
    {
        await using var rig = await OAuthRig.StartAsync();

        var gone = await Assert.ThrowsAsync<ChannelGoneException>(() => rig.Outlet.SendAsync(new OutgoingPost(1, OAuthRig.ChannelA, Post("Labour hold Birmingham")), CancellationToken.None));

        Assert.Equal("Slack channel C0AAAAAAA names no workspace: with Slack:ClientId, channels are written T0123ABCD-C0123ABCD (team id, a dash, channel id)", gone.Message);
    }

    private static string Headline(FakeSlackMessage message) => (message.Text ?? "").Split('\n')[0];

    private static Post Post(string headline) => new(PostKind.Declaration, "k", headline, [PostSection.Plain("Body of " + headline)]) { Footer = "PA Media" };

    [Fact]
    public async Task ShareButton_PressedInAnInstalledWorkspace_ReachesTheBot()
    {
        // Answers carry Share to channel in every workspace; its presses come to the same Interactivity Request URL.
        await using var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        using var http = new HttpClient();
        var press = FakeSlackBlockActions.PressWithAction("made-up", "nothing", new Uri(rig.Server.BaseUrl, "/commands/T0AAAA/1/press"), channelId: OAuthRig.ChannelA);

        using var answer = await http.SendAsync(FakeSlackBlockActions.SignedRequest(new Uri(rig.Bot, "/slack/interactivity"), TestOptions.SigningSecret, TimeProvider.System.GetUtcNow(), press));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}
