using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Discord.Interactions;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;
using ResultsBot.Discord.Tests.Support;

namespace ResultsBot.Discord.Tests;

public sealed class InteractionHandlerTests : IAsyncLifetime, IDisposable
{
    private readonly FakeDiscordInteractions _fake = new();
    private readonly InteractionTestBot _bot = new();
    private readonly HttpClient _http = new();
    private FakeServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync(_fake);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task SlashCommand_AnsweredInTime_RunsTheEngineTextAndAnswersWithType4WithoutMentions()
    {
        var interaction = _fake.SlashCommand("council", new Dictionary<string, string> { ["name"] = "Birmingham" }, userId: "77", channelId: "555");

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var request = Assert.Single(_bot.Requests);
        Assert.Equal("/council Birmingham", request.Text);
        Assert.Equal(new Caller("77", false), request.Caller);
        Assert.Equal(new ChannelAddress("discord", "555"), request.Channel);
        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        Assert.Equal("answer to /council Birmingham", callback.Content);
        Assert.False(callback.Ephemeral);
        Assert.Empty(callback.Data!["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Theory]
    [InlineData("16", true)] // Manage Channels
    [InlineData("8", true)] // Administrator
    [InlineData("1024", false)] // View Channel only
    [InlineData("0", false)]
    public async Task SlashCommand_MemberPermissions_DecideWhetherTheCallerManagesTheChannelButNeverMakeThemAnAdmin(string permissions, bool manages)
    {
        var interaction = _fake.SlashCommand("subscribe", new Dictionary<string, string> { ["filters"] = "party Green" }, permissions: permissions);

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var request = Assert.Single(_bot.Requests);
        Assert.Equal(manages, request.Caller.ManagesChannel);
        Assert.False(request.Caller.IsAdmin); // anyone can hold these in a server of their own
        Assert.Equal("/subscribe party Green", request.Text);
    }

    [Fact]
    public async Task SlashCommand_ChannelType_SaysWhetherTheChannelIsAnAnnouncementChannel()
    {
        _fake.AnnouncementChannels.Add("777");
        var inAnnouncements = _fake.SlashCommand("subscribe", new Dictionary<string, string> { ["filters"] = "publish" }, permissions: "16", channelId: "777");
        var inText = _fake.SlashCommand("subscribe", new Dictionary<string, string> { ["filters"] = "publish" }, permissions: "16", channelId: "778");

        await Handler().HandleFromGatewayAsync(inAnnouncements.Payload, CancellationToken.None);
        await Handler().HandleFromGatewayAsync(inText.Payload, CancellationToken.None);

        Assert.Equal([true, false], _bot.Requests.Select(r => r.AnnouncementChannel));
    }

    [Fact]
    public async Task SlashCommand_ConfiguredAdminWithoutPermissions_IsAdmin()
    {
        var interaction = _fake.SlashCommand("unsubscribe", userId: "42");
        var handler = new DiscordInteractionHandler(Options(), _http, _bot, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance, ["42"]);

        await handler.HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        Assert.True(Assert.Single(_bot.Requests).Caller.IsAdmin);
    }

    [Fact]
    public async Task SlashCommand_InADirectMessage_TakesTheUserAndIsNotAdmin()
    {
        var interaction = _fake.SlashCommand("help");
        var payload = interaction.Payload.DeepClone().AsObject();
        payload["user"] = payload["member"]!["user"]!.DeepClone();
        payload.Remove("member");
        payload.Remove("guild_id");

        await Handler().HandleFromGatewayAsync(payload, CancellationToken.None);

        Assert.Equal(new Caller("2001", false), Assert.Single(_bot.Requests).Caller);
        Assert.Equal(4, (await interaction.WaitForCallbackAsync()).Type);
    }

    [Fact]
    public async Task SlashCommand_ProblemAnswer_IsEphemeral()
    {
        _bot.Answer = (_, _) => Task.FromResult(CommandAnswer.Problem("No council matches 'Narnia'."));
        var interaction = _fake.SlashCommand("council", new Dictionary<string, string> { ["name"] = "Narnia" });

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        Assert.True(callback.Ephemeral);
        Assert.Equal("No council matches 'Narnia'.", callback.Content);
    }

    [Fact]
    public async Task SlashCommand_UnknownName_GetsAnEphemeralHintAndNeverReachesTheEngine()
    {
        var interaction = _fake.SlashCommand("teleport");

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.True(callback.Ephemeral);
        Assert.Contains("/help", callback.Content, StringComparison.Ordinal);
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task SlashCommand_LongAnswerThatCannotBePaged_FirstPartInTheResponseAndTheRestAsFollowUps()
    {
        // /subscriptions shows settings: it is not run again by a page button, so its long answer follows on instead.
        var lines = Enumerable.Range(1, 150).Select(i => $"Channel number {i:000} paused: Unknown Channel").ToList();
        _bot.Answer = (_, _) => Task.FromResult(new CommandAnswer(string.Join('\n', lines)));
        var interaction = _fake.SlashCommand("subscriptions");

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        var parts = new[] { callback.Content! }.Concat(interaction.FollowUps.Select(m => m["content"]!.GetValue<string>())).ToList();
        Assert.True(parts.Count >= 3, $"{parts.Count} parts");
        Assert.All(parts, part => Assert.InRange(part.Length, 1, 2000));
        Assert.All(interaction.FollowUps, m => Assert.Empty(m["allowed_mentions"]!["parse"]!.AsArray()));
        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public async Task SlashCommand_SlowAnswer_DefersThenEditsTheOriginal()
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource<CommandAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bot.Answer = (_, _) => release.Task;
        var interaction = _fake.SlashCommand("scoreboard");
        var handler = new DiscordInteractionHandler(Options(), _http, _bot, time, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance);

        var handling = handler.HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);
        while (!interaction.Callback.IsCompleted)
        {
            // The defer timer may not be armed yet when the engine has the request: advance until it fires.
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(interaction.Callback, Task.Delay(20));
        }

        Assert.Equal(5, (await interaction.Callback).Type);
        Assert.Empty(interaction.OriginalEdits);
        release.SetResult(new CommandAnswer("Lab 40 councils, Con 10"));
        await handling;

        var edit = Assert.Single(interaction.OriginalEdits);
        Assert.Equal("Lab 40 councils, Con 10", edit["content"]!.GetValue<string>());
        Assert.Empty(edit["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal(0, interaction.RefusedCallbacks);
    }

    [Fact]
    public async Task SlashCommand_SlowProblemAnswer_DeletesTheDeferredResponseAndAnswersEphemerally()
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource<CommandAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _bot.Answer = (_, _) => release.Task;
        var interaction = _fake.SlashCommand("council", new Dictionary<string, string> { ["name"] = "Narnia" });
        var handler = new DiscordInteractionHandler(Options(), _http, _bot, time, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance);

        var handling = handler.HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);
        while (!interaction.Callback.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(interaction.Callback, Task.Delay(20));
        }

        release.SetResult(CommandAnswer.Problem("No council matches 'Narnia'."));
        await handling;

        Assert.Equal(5, (await interaction.Callback).Type);
        Assert.True(interaction.OriginalDeleted);
        Assert.Empty(interaction.OriginalEdits);
        var note = Assert.Single(interaction.FollowUps);
        Assert.Equal("No council matches 'Narnia'.", note["content"]!.GetValue<string>());
        Assert.Equal(64, note["flags"]!.GetValue<int>());
    }

    [Fact]
    public async Task Autocomplete_ManySuggestions_AnswersWithType8AndAtMost25Choices()
    {
        _bot.Suggestions = (option, partial) => [new string('x', 101), .. Enumerable.Range(1, 40).Select(i => $"{partial} {option} {i}")];
        var interaction = _fake.Autocomplete("council", "name", "Bir");

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal(8, callback.Type);
        var choices = callback.Data!["choices"]!.AsArray();
        Assert.Equal(25, choices.Count);
        Assert.Equal("Bir council 1", choices[0]!["name"]!.GetValue<string>());
        Assert.All(choices, c => Assert.InRange(c!["value"]!.GetValue<string>().Length, 1, 100));
        Assert.Equal(("council", "Bir"), Assert.Single(_bot.Completions));
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task Autocomplete_FeedNameWithBidiControls_ShownWithoutThemAndSentBackAsItWas()
    {
        _bot.Suggestions = (_, _) => ["Hull \u202Eruobal\u202C"];
        var interaction = _fake.Autocomplete("council", "name", "Hu");

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var choice = Assert.Single((await interaction.WaitForCallbackAsync()).Data!["choices"]!.AsArray())!;
        Assert.Equal("Hull ruobal", choice["name"]!.GetValue<string>());
        Assert.Equal("Hull \u202Eruobal\u202C", choice["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Autocomplete_OptionWithoutSuggestions_AnswersNoChoices()
    {
        var interaction = _fake.Autocomplete("subscribe", "filters", "par");

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal(8, callback.Type);
        Assert.Empty(callback.Data!["choices"]!.AsArray());
        Assert.Empty(_bot.Completions);
    }

    [Fact]
    public async Task Ping_AnswersPong()
    {
        var interaction = _fake.Ping();

        await Handler().HandleFromGatewayAsync(interaction.Payload, CancellationToken.None);

        Assert.Equal(1, (await interaction.WaitForCallbackAsync()).Type);
    }

    private DiscordInteractionHandler Handler() =>
        new(Options(), _http, _bot, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordInteractionHandler>.Instance);

    private DiscordOptions Options() => InteractionTestOptions.For(_server, _fake);
}
