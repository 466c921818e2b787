using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Slack.AppHome;
using ResultsBot.Slack.Tests.OAuth;

namespace ResultsBot.Slack.Tests.AppHome;

/// <summary>
/// The Home tab with the app installed into two workspaces through Slack's OAuth flow (the OAuth rig, wired as the host
/// wires it): each workspace's viewers get their tab with that workspace's token, refreshes reach every workspace, and
/// an uninstalled workspace, or one whose token Slack refuses, is published to no more while the other carries on.
/// </summary>
public sealed class SlackAppHomeWorkspacesTests
{
    private const string Alice = "U0ALICE";
    private const string Bob = "U0BOB";

    [Fact]
    public async Task HomeOpened_InTwoWorkspaces_EachViewerGetsTheTabFromTheirOwnWorkspace()
    {
        await using var rig = await InstalledInBothAsync();

        Assert.Equal(200, await rig.Slack.OpenHomeAsync(OAuthRig.TeamA, Alice));
        Assert.Equal(200, await rig.Slack.OpenHomeAsync(OAuthRig.TeamB, Bob));
        await TestOptions.WaitUntilAsync(() => rig.Slack.HomeViews(OAuthRig.TeamA, Alice).Count == 1 && rig.Slack.HomeViews(OAuthRig.TeamB, Bob).Count == 1, "both tabs published");

        // Published with A's token for Alice and B's for Bob: neither appears in the other workspace, nor in the default one.
        Assert.Equal(OAuthRig.TeamA, (string?)rig.Slack.HomeViews(OAuthRig.TeamA, Alice)[0]["team_id"]);
        Assert.Equal(OAuthRig.TeamB, (string?)rig.Slack.HomeViews(OAuthRig.TeamB, Bob)[0]["team_id"]);
        Assert.Empty(rig.Slack.HomeViews(OAuthRig.TeamB, Alice));
        Assert.Empty(rig.Slack.HomeViews(OAuthRig.TeamA, Bob));
        Assert.Empty(rig.Slack.HomeViews(Alice));
        Assert.Equal("```Labour hold Adur```", Texts(rig.Slack.HomeViews(OAuthRig.TeamA, Alice)[0])[4]);
    }

    [Fact]
    public async Task Refresh_AfterADeclaration_ReachesBothWorkspaces_AndAfterOneUninstallsOnlyTheOther()
    {
        await using var rig = await InstalledInBothAsync();
        await OpenBothAsync(rig);

        rig.Declared = "Reform UK gain Thurrock\nLabour hold Adur";
        await rig.Home.RefreshAsync(default);
        Assert.Equal(2, rig.Slack.HomeViews(OAuthRig.TeamA, Alice).Count);
        Assert.Equal(2, rig.Slack.HomeViews(OAuthRig.TeamB, Bob).Count);
        Assert.Equal("```Reform UK gain Thurrock\nLabour hold Adur```", Texts(rig.Slack.HomeViews(OAuthRig.TeamB, Bob)[^1])[4]);

        Assert.Equal([200, 200], await rig.Slack.UninstallAsync(OAuthRig.TeamB));
        var callsToB = rig.Slack.ViewsPublishCallsOf(OAuthRig.TeamB);
        rig.Declared = "Greens gain Bristol\nReform UK gain Thurrock\nLabour hold Adur";
        await rig.Home.RefreshAsync(default);
        // Bob opening the tab again (were Slack still to send it) publishes nothing either.
        await rig.Slack.OpenHomeAsync(OAuthRig.TeamB, Bob);
        await Task.Delay(300);

        Assert.Equal(3, rig.Slack.HomeViews(OAuthRig.TeamA, Alice).Count);
        Assert.Equal("```Greens gain Bristol\nReform UK gain Thurrock\nLabour hold Adur```", Texts(rig.Slack.HomeViews(OAuthRig.TeamA, Alice)[^1])[4]);
        Assert.Equal(2, rig.Slack.HomeViews(OAuthRig.TeamB, Bob).Count);
        Assert.Equal(callsToB, rig.Slack.ViewsPublishCallsOf(OAuthRig.TeamB));
        Assert.Equal(1, rig.Home.ViewerCount);
    }

    [Fact]
    public async Task Refresh_AWorkspacesTokenRevokedUnheardOf_IsTriedOnceThenNeverAgain_AndTheOtherCarriesOn()
    {
        await using var rig = await InstalledInBothAsync();
        await OpenBothAsync(rig);
        rig.Slack.RevokeTokensQuietly(OAuthRig.TeamB);
        var callsToB = rig.Slack.ViewsPublishCallsOf(OAuthRig.TeamB);

        rig.Declared = "Reform UK gain Thurrock";
        await rig.Home.RefreshAsync(default);
        rig.Declared = "Greens gain Bristol";
        await rig.Home.RefreshAsync(default);

        Assert.Equal(3, rig.Slack.HomeViews(OAuthRig.TeamA, Alice).Count);
        Assert.Single(rig.Slack.HomeViews(OAuthRig.TeamB, Bob));
        Assert.Equal(callsToB + 1, rig.Slack.ViewsPublishCallsOf(OAuthRig.TeamB));
    }

    [Fact]
    public async Task HomeOpened_AfterAReinstall_IsPublishedWithTheNewToken()
    {
        await using var rig = await InstalledInBothAsync();
        await OpenBothAsync(rig);
        await rig.Slack.UninstallAsync(OAuthRig.TeamB);

        await rig.InstallAsync(OAuthRig.TeamB);
        await rig.Slack.OpenHomeAsync(OAuthRig.TeamB, Bob);

        await TestOptions.WaitUntilAsync(() => rig.Slack.HomeViews(OAuthRig.TeamB, Bob).Count == 2, "Bob's tab published again");
    }

    [Fact]
    public async Task Refresh_ManyViewersInOneWorkspace_DoNotHoldBackAnothersViewer()
    {
        await using var rig = await InstalledInBothAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 3, 2, 0, 0, TimeSpan.Zero));
        using var home = new SlackAppHome(new InstalledHomeWorkspaces(rig.Workspaces), rig.Commands, clock, NullLogger<SlackAppHome>.Instance);
        var spacing = TimeSpan.FromMinutes(1) / SlackAppHome.PublishesPerMinute;
        string[] many = ["U0A0", "U0A1", "U0A2", "U0A3"];
        foreach (var viewer in many)
        {
            clock.Advance(spacing);
            await home.OpenedAsync(OAuthRig.TeamA, viewer, default);
        }

        // Bob's first publish goes at once, though workspace A published this very moment: B has its own turns.
        await home.OpenedAsync(OAuthRig.TeamB, Bob, default).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(rig.Slack.HomeViews(OAuthRig.TeamB, Bob));

        rig.Declared = "Reform UK gain Thurrock";
        var refresh = home.RefreshAsync(default);
        clock.Advance(spacing);

        // One turn later Bob is up to date, while workspace A's four viewers are published to one a turn.
        await TestOptions.WaitUntilAsync(() => rig.Slack.HomeViews(OAuthRig.TeamB, Bob).Count == 2, "Bob's refresh");
        await TestOptions.WaitUntilAsync(() => many.Count(v => rig.Slack.HomeViews(OAuthRig.TeamA, v).Count == 2) == 1, "the first of A's refreshes");
        await Task.Delay(200);
        Assert.Equal(1, many.Count(v => rig.Slack.HomeViews(OAuthRig.TeamA, v).Count == 2));
        await TestOptions.WaitUntilAsync(
            () =>
            {
                clock.Advance(spacing);
                return refresh.IsCompleted;
            },
            "workspace A's refreshes");

        await refresh;
        Assert.All(many, v => Assert.Equal(2, rig.Slack.HomeViews(OAuthRig.TeamA, v).Count));
        Assert.Equal(2, rig.Slack.HomeViews(OAuthRig.TeamB, Bob).Count);
        Assert.Equal(0, rig.Slack.ViewsRateLimitedCount);
    }

    private static async Task<OAuthRig> InstalledInBothAsync()
    {
        var rig = await OAuthRig.StartAsync();
        await rig.InstallAsync(OAuthRig.TeamA);
        await rig.InstallAsync(OAuthRig.TeamB);
        return rig;
    }

    private static async Task OpenBothAsync(OAuthRig rig)
    {
        await rig.Slack.OpenHomeAsync(OAuthRig.TeamA, Alice);
        await rig.Slack.OpenHomeAsync(OAuthRig.TeamB, Bob);
        await TestOptions.WaitUntilAsync(() => rig.Slack.HomeViews(OAuthRig.TeamA, Alice).Count == 1 && rig.Slack.HomeViews(OAuthRig.TeamB, Bob).Count == 1, "both tabs published");
    }

    private static List<string> Texts(JsonObject view) =>
        [.. view["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"] ?? (string?)b!["elements"]?[0]?["text"] ?? (string?)b!["type"] ?? "")
            .Where(t => t != "divider")];
}
