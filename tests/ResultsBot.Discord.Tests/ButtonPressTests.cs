using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>Buttons pressed (MESSAGE_COMPONENT interactions) as the fake Discord sends them over the Gateway: "Full result" and paging.</summary>
public sealed class ButtonPressTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] LongList = [.. Enumerable.Range(1, 150).Select(i => $"Council number {i:000} declared: Labour hold")];

    private readonly FakeDiscordInteractions _fake = new();
    private readonly InteractionTestBot _bot = new();
    private readonly HttpClient _http = new();
    private FakeServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync(_fake);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task FullResult_Pressed_RunsTheCouncilCommandAsThePresserAndAnswersThemAlone()
    {
        var press = _fake.PressButton(PostMessage("thurrock"), "Full result", userId: "77", channelId: "555");

        await Handler().HandleFromGatewayAsync(press.Payload, CancellationToken.None);

        var request = Assert.Single(_bot.Requests);
        Assert.Equal("/council thurrock", request.Text);
        Assert.Equal(new Caller("77", false), request.Caller);
        Assert.Equal(new ChannelAddress("discord", "555"), request.Channel);
        var callback = await press.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        Assert.True(callback.Ephemeral);
        Assert.Equal("answer to /council thurrock", callback.Content);
        Assert.Empty(callback.Data!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task FullResult_LongAnswer_RestFollowsPrivatelyToo()
    {
        _bot.Answer = (_, _) => Task.FromResult(new CommandAnswer(string.Join('\n', LongList)));
        var press = _fake.PressButton(PostMessage("thurrock"), "Full result");

        await Handler().HandleFromGatewayAsync(press.Payload, CancellationToken.None);

        Assert.True((await press.WaitForCallbackAsync()).Ephemeral);
        Assert.NotEmpty(press.FollowUps);
        Assert.All(press.FollowUps, m => Assert.Equal(64, m["flags"]!.GetValue<int>()));
    }

    [Fact]
    public async Task FullResult_SlowAnswer_DefersPrivatelyThenEditsTheAnswerIn()
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource<CommandAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bot.Answer = (_, _) => release.Task;
        var press = _fake.PressButton(PostMessage("hull"), "Full result");
        var handler = new DiscordInteractionHandler(Options(), _http, _bot, time, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance);

        var handling = handler.HandleFromGatewayAsync(press.Payload, CancellationToken.None);
        while (!press.Callback.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(press.Callback, Task.Delay(20));
        }

        release.SetResult(new CommandAnswer("Kingston upon Hull: Liberal Democrats hold"));
        await handling;

        var deferral = await press.Callback;
        Assert.Equal(5, deferral.Type);
        Assert.True(deferral.Ephemeral);
        Assert.Equal("Kingston upon Hull: Liberal Democrats hold", Assert.Single(press.OriginalEdits)["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("full:council/")]
    [InlineData("full:council")]
    [InlineData("full:teleport/hull")]
    [InlineData("vote:council/hull")]
    [InlineData("page:0:/declared all")]
    [InlineData("page:2:/subscribe region London")]
    [InlineData("page:2:/share set Lab 99")]
    public async Task Press_UnknownOrGarbledCustomId_GetsAClearPrivateErrorAndRunsNothing(string customId)
    {
        var press = _fake.PressButtonWithId(PostMessage("hull"), customId);

        await Handler().HandleFromGatewayAsync(press.Payload, CancellationToken.None);

        var callback = await press.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        Assert.True(callback.Ephemeral);
        Assert.Equal("Sorry, I don't recognise that button: it may be from an older version of ResultsBot. Type /help to see what I can answer.", callback.Content);
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task SlashCommand_LongAnswer_FirstPageWithPreviousAndNextInsteadOfFollowUps()
    {
        _bot.Answer = (_, _) => Task.FromResult(new CommandAnswer(string.Join('\n', LongList)));
        var command = _fake.SlashCommand("declared", new Dictionary<string, string> { ["filter"] = "all" });

        await Handler().HandleFromGatewayAsync(command.Payload, CancellationToken.None);

        var callback = await command.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        Assert.False(callback.Ephemeral);
        Assert.StartsWith("Council number 001 declared: Labour hold\n", callback.Content, StringComparison.Ordinal);
        Assert.InRange(callback.Content!.Length, 1, 2000);
        Assert.Equal(
            [("Previous", "page:1:/declared all", true), ("Page 1 of 4", "at:1", true), ("Next", "page:2:/declared all", false)],
            FakeDiscordButtons.Of(callback.Data!["components"]));
        Assert.Empty(command.FollowUps);
    }

    [Fact]
    public async Task Next_Pressed_UpdatesTheSameMessageToTheNextPageAndRunsTheCommandAgainAsThePresser()
    {
        _bot.Answer = (_, _) => Task.FromResult(new CommandAnswer(string.Join('\n', LongList)));
        var command = _fake.SlashCommand("declared", new Dictionary<string, string> { ["filter"] = "all" });
        await Handler().HandleFromGatewayAsync(command.Payload, CancellationToken.None);
        var first = await command.WaitForCallbackAsync();

        var next = _fake.PressButton(FakeDiscordInteractions.ResponseMessage(command), "Next", userId: "88");
        await Handler().HandleFromGatewayAsync(next.Payload, CancellationToken.None);
        var second = await next.WaitForCallbackAsync();
        var previous = _fake.PressButton(JsonObjectWith(second), "Previous");
        await Handler().HandleFromGatewayAsync(previous.Payload, CancellationToken.None);
        var back = await previous.WaitForCallbackAsync();

        Assert.Equal(7, second.Type);
        Assert.Equal("88", _bot.Requests[1].Caller.Id);
        Assert.Equal("/declared all", _bot.Requests[1].Text);
        Assert.DoesNotContain("Council number 001", second.Content, StringComparison.Ordinal);
        Assert.Equal(
            [("Previous", "page:1:/declared all", false), ("Page 2 of 4", "at:2", true), ("Next", "page:3:/declared all", false)],
            FakeDiscordButtons.Of(second.Data!["components"]));
        var pages = new[] { first.Content! }.Concat(await AllPagesAfterFirstAsync(second)).ToList();
        Assert.Equal(LongList, pages.SelectMany(p => p.Split('\n')));
        Assert.Equal(7, back.Type);
        Assert.Equal(first.Content, back.Content);
    }

    [Fact]
    public async Task PagePressed_AnswerNowShorter_ShowsTheLastPageThereIs()
    {
        var calls = 0;
        _bot.Answer = (_, _) => Task.FromResult(new CommandAnswer(Interlocked.Increment(ref calls) == 1 ? string.Join('\n', LongList) : "Council number 001 declared: Labour hold"));
        var command = _fake.SlashCommand("declared", new Dictionary<string, string> { ["filter"] = "all" });
        await Handler().HandleFromGatewayAsync(command.Payload, CancellationToken.None);
        await command.WaitForCallbackAsync();

        var next = _fake.PressButton(FakeDiscordInteractions.ResponseMessage(command), "Next");
        await Handler().HandleFromGatewayAsync(next.Payload, CancellationToken.None);

        var update = await next.WaitForCallbackAsync();
        Assert.Equal(7, update.Type);
        Assert.Equal("Council number 001 declared: Labour hold", update.Content);
        Assert.Empty(update.Data!["components"]!.AsArray());
    }

    /// <summary>Presses Next until it is greyed out, returning each page's text.</summary>
    private async Task<List<string>> AllPagesAfterFirstAsync(FakeDiscordInteractionsCallback page)
    {
        var pages = new List<string> { page.Content! };
        while (FakeDiscordButtons.Of(page.Data!["components"]).Single(b => b.Label == "Next") is { Disabled: false })
        {
            var press = _fake.PressButton(JsonObjectWith(page), "Next");
            await Handler().HandleFromGatewayAsync(press.Payload, CancellationToken.None);
            page = await press.WaitForCallbackAsync();
            pages.Add(page.Content!);
        }

        return pages;
    }

    /// <summary>The message as it reads after an update: what Discord sends with the next press on it.</summary>
    private static JsonObject JsonObjectWith(FakeDiscordInteractionsCallback update)
    {
        var message = update.Data!.DeepClone().AsObject();
        message["id"] = "1300000000000000001";
        message["channel_id"] = "3001";
        return message;
    }

    /// <summary>A council's post as the outlet sends it, as Discord sends it back with a press.</summary>
    private static JsonObject PostMessage(string councilKey)
    {
        var post = SamplePosts.Declaration() with { Subject = "council/" + councilKey };
        var message = WireJson.Of(DiscordPostRenderer.Render(post, "ref 1"));
        message["id"] = "1300000000000000002";
        message["channel_id"] = "555";
        return message;
    }

    private DiscordInteractionHandler Handler() =>
        new(Options(), _http, _bot, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance);

    private DiscordOptions Options() => InteractionTestOptions.For(_server, _fake);
}
