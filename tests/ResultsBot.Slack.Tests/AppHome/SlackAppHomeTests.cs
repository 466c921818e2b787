using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.AppHome;

namespace ResultsBot.Slack.Tests.AppHome;

/// <summary>The Home tab against the fake Slack: published on open, refreshed once per change for each viewer, never per declaration.</summary>
public sealed class SlackAppHomeTests
{
    [Fact]
    public async Task OpenedAsync_PublishesTheScoreboardAndTheLatestDeclarationsToThatUser()
    {
        await using var rig = await WebApiRig.StartAsync();
        var night = new Night("Labour 12 councils", "Labour hold Adur");
        using var home = Home(rig, night);

        await home.OpenedAsync("U1", default);

        var view = Assert.Single(rig.Slack.HomeViews("U1"));
        Assert.Equal("home", (string?)view["type"]);
        Assert.Equal(
            ["Election night", "*Scoreboard*", "```Labour 12 councils```", "*Latest declarations*", "```Labour hold Adur```"],
            Texts(view).Take(5));
        Assert.StartsWith("Updated ", Texts(view)[^1], StringComparison.Ordinal);
        Assert.EndsWith(" UK time; kept up to date as councils declare.", Texts(view)[^1], StringComparison.Ordinal);
        Assert.Empty(rig.Slack.HomeViews("U2"));
    }

    [Fact]
    public async Task RefreshAsync_SeveralDeclarationsSinceTheLastCheck_OnePublishPerViewerWithTheNewest()
    {
        await using var rig = await WebApiRig.StartAsync();
        var night = new Night("Labour 12 councils", "Labour hold Adur");
        using var home = Home(rig, night);
        await home.OpenedAsync("U1", default);
        await home.OpenedAsync("U2", default);

        night.Declared = "Labour gain Thurrock\nLabour hold Adur";
        night.Declared = "Greens gain Bristol\nLabour gain Thurrock\nLabour hold Adur";
        await home.RefreshAsync(default);

        foreach (var user in new[] { "U1", "U2" })
        {
            var views = rig.Slack.HomeViews(user);
            Assert.Equal(2, views.Count);
            Assert.Equal("```Greens gain Bristol\nLabour gain Thurrock\nLabour hold Adur```", Texts(views[^1])[4]);
        }
    }

    [Fact]
    public async Task RefreshAsync_NothingChanged_PublishesNothing()
    {
        await using var rig = await WebApiRig.StartAsync();
        using var home = Home(rig, new Night("Labour 12 councils", "Labour hold Adur"));
        await home.OpenedAsync("U1", default);

        await home.RefreshAsync(default);
        await home.RefreshAsync(default);

        Assert.Equal(1, rig.Slack.HomeViewPublishCount);
    }

    [Fact]
    public async Task RefreshAsync_NobodyOpenedTheTab_AsksNothingOfSlackOrTheBot()
    {
        await using var rig = await WebApiRig.StartAsync();
        var night = new Night("Labour 12 councils", "Labour hold Adur");
        using var home = Home(rig, night);

        await home.RefreshAsync(default);

        Assert.Equal(0, rig.Slack.HomeViewPublishCount);
        Assert.Equal(0, night.Asked);
    }

    [Fact]
    public async Task RefreshAsync_WhileTheViewerIsBeingSentTheSameContentOnOpening_DoesNotPublishItTwice()
    {
        await using var rig = await WebApiRig.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 3, 2, 0, 0, TimeSpan.Zero));
        using var home = new SlackAppHome(rig.Client, new FakeBotCommands(new Night("Labour 12 councils", "Labour hold Adur").AnswerAsync), clock, NullLogger<SlackAppHome>.Instance);
        await home.OpenedAsync("U0", default);

        // U1's opening waits its turn behind U0's publish; a refresh comes meanwhile, when U1 has been sent nothing yet.
        var opening = home.OpenedAsync("U1", default);
        var refresh = home.RefreshAsync(default);
        await TestOptions.WaitUntilAsync(
            () =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                return opening.IsCompleted && refresh.IsCompleted;
            },
            "the opening and the refresh");
        await Task.WhenAll(opening, refresh);

        Assert.Single(rig.Slack.HomeViews("U1"));
        Assert.Single(rig.Slack.HomeViews("U0"));
    }

    [Fact]
    public async Task OpenedAsync_HomeTabTurnedOff_IsLoggedAndNotTriedAgainThisRun()
    {
        await using var rig = await WebApiRig.StartAsync();
        rig.Slack.HomeTabEnabled = false;
        var night = new Night("Labour 12 councils", "Labour hold Adur");
        using var home = Home(rig, night);

        await home.OpenedAsync("U1", default);
        rig.Slack.HomeTabEnabled = true;
        night.Declared = "Labour gain Thurrock";
        await home.RefreshAsync(default);

        Assert.Equal(0, rig.Slack.HomeViewPublishCount);
    }

    [Fact]
    public async Task OpenedAsync_AVeryLongNight_StaysWithinAHomeViewsHundredBlocks()
    {
        await using var rig = await WebApiRig.StartAsync();
        var lines = string.Join("\n", Enumerable.Range(1, 4000).Select(n => $"Council {n}: Labour hold, with a line long enough to fill"));
        using var home = Home(rig, new Night(lines, lines));

        await home.OpenedAsync("U1", default);

        var view = Assert.Single(rig.Slack.HomeViews("U1"));
        Assert.InRange(view["blocks"]!.AsArray().Count, 50, 100);
        Assert.Contains("(Cut to fit the Home tab: /results declared gives all of it.)", Texts(view));
    }

    private static SlackAppHome Home(WebApiRig rig, Night night) =>
        new(rig.Client, new FakeBotCommands(night.AnswerAsync), TimeProvider.System, NullLogger<SlackAppHome>.Instance);

    private static List<string> Texts(JsonObject view) =>
        [.. view["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"] ?? (string?)b!["elements"]?[0]?["text"] ?? (string?)b!["type"] ?? "")
            .Where(t => t != "divider")];

    /// <summary>The bot's answers to /scoreboard and /declared, changed as the test declares.</summary>
    private sealed class Night(string scoreboard, string declared)
    {
        private int _asked;

        public string Declared { get; set; } = declared;

        public int Asked => Volatile.Read(ref _asked);

        public Task<CommandAnswer> AnswerAsync(ResultsBot.Platforms.CommandRequest request)
        {
            Interlocked.Increment(ref _asked);
            return Task.FromResult(new CommandAnswer(request.Text == "/scoreboard" ? scoreboard : Declared));
        }
    }
}
