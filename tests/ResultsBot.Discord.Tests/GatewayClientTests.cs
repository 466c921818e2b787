using System.Text.Json.Nodes;
using ResultsBot.Discord.Gateway;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests;

/// <summary>The Gateway client's life against the fake gateway over real WebSockets, with short real intervals.</summary>
public sealed class GatewayClientTests
{
    [Fact]
    public async Task Start_IdentifiesWithNoIntents_BecomesConnectedAndHeartbeats()
    {
        await using var rig = await GatewayTestRig.StartAsync(TimeSpan.FromMilliseconds(200));

        await rig.WaitAsync(() => rig.Gateway.HeartbeatsReceived >= 3, "three heartbeats");

        Assert.Equal(1, rig.Gateway.Identifies);
        Assert.Equal([FakeDiscordGateway.IdentifyPath], rig.Gateway.ConnectionPaths);
        var identify = rig.Gateway.LastIdentify!;
        Assert.Equal(0, identify["intents"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(identify["properties"]!["os"]!.GetValue<string>()));
        Assert.Contains((true, "Gateway ready"), rig.Monitor.Changes);
    }

    [Fact]
    public async Task Show_WhileConnected_SendsOnePresenceUpdateWatchingTheNightsProgress()
    {
        await using var rig = await GatewayTestRig.StartAsync();
        await rig.WaitAsync(() => rig.Client.Connected, "connected");

        rig.Client.Show("36 of 107 councils declared");
        rig.Client.Show("36 of 107 councils declared"); // the same again costs nothing

        await rig.WaitAsync(() => rig.Gateway.Presences.Count == 1, "the presence update");
        var presence = Assert.Single(rig.Gateway.Presences);
        Assert.Equal("""{"since":null,"activities":[{"name":"36 of 107 councils declared","type":3}],"status":"online","afk":false}""", presence.ToJsonString());
        Assert.True(rig.Client.Connected, "the fake accepted it (a malformed one closes with 4002)");
    }

    [Fact]
    public async Task Show_ThenSessionStartsAfresh_IdentifiesWithTheLatestStatus()
    {
        await using var rig = await GatewayTestRig.StartAsync();
        await rig.WaitAsync(() => rig.Client.Connected, "connected");
        rig.Client.Show("54 of 107 councils declared");
        await rig.WaitAsync(() => rig.Gateway.Presences.Count == 1, "the presence update");

        await rig.Gateway.SendInvalidSessionAsync(resumable: false);

        await rig.WaitAsync(() => rig.Gateway.Identifies == 2 && rig.Client.Connected, "identified again");
        Assert.Equal("54 of 107 councils declared", rig.Gateway.LastIdentify!["presence"]!["activities"]![0]!["name"]!.GetValue<string>());
        Assert.Single(rig.Gateway.Presences);
    }

    [Fact]
    public async Task HeartbeatRequest_Op1_IsAnsweredAtOnce()
    {
        // A long interval and late jitter: no heartbeat would be due for minutes.
        await using var rig = await GatewayTestRig.StartAsync(TimeSpan.FromSeconds(60), jitter: 0.99);
        Assert.Equal(0, rig.Gateway.HeartbeatsReceived);

        await rig.Gateway.RequestHeartbeatAsync();

        await rig.WaitAsync(() => rig.Gateway.HeartbeatsReceived == 1, "heartbeat after op 1");
    }

    [Fact]
    public async Task Interaction_FromTheGateway_IsAnsweredThroughTheCallbackEndpoint()
    {
        await using var rig = await GatewayTestRig.StartAsync();
        var interaction = rig.Interactions.SlashCommand("council", new Dictionary<string, string> { ["name"] = "Hull" });

        await rig.Gateway.InjectAsync(interaction);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        Assert.Equal("answer to /council Hull", callback.Content);
    }

    [Fact]
    public async Task Interaction_Unreadable_IsLoggedAndTheNextIsStillAnswered()
    {
        var log = new ListLogger<DiscordGatewayClient>();
        await using var rig = await GatewayTestRig.StartAsync(logger: log);
        var good = rig.Interactions.SlashCommand("council", new Dictionary<string, string> { ["name"] = "Hull" });

        // An id must be a string (a snowflake): a number makes the event unreadable as an interaction.
        await rig.Gateway.InjectRawInteractionAsync(new JsonObject { ["id"] = 12345, ["type"] = 2, ["token"] = "t" });
        await rig.Gateway.InjectAsync(good);

        Assert.Equal("answer to /council Hull", (await good.WaitForCallbackAsync()).Content);
        // Ours up to the colon; after it, System.Text.Json's own reason, which names where the payload was wrong.
        var warning = Assert.Single(log.Lines, l => l.StartsWith("Warning:", StringComparison.Ordinal));
        Assert.StartsWith("Warning: An interaction from the Gateway could not be read, so it was not answered: ", warning, StringComparison.Ordinal);
        Assert.Contains("$.id", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interaction_UserInstalledCommandInADm_IsAnsweredAndTheCallerIsTheUser()
    {
        await using var rig = await GatewayTestRig.StartAsync();
        var interaction = rig.Interactions.UserInstalledCommandInADm("council", new Dictionary<string, string> { ["name"] = "Hull" }, userId: "2777");

        await rig.Gateway.InjectAsync(interaction);

        var callback = await interaction.WaitForCallbackAsync();
        Assert.Equal(4, callback.Type);
        Assert.Equal("answer to /council Hull", callback.Content);
        var request = Assert.Single(rig.Bot.Requests);
        Assert.Equal(("2777", false), (request.Caller.Id, request.Caller.IsAdmin));
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnResumeUrlWithoutLosingOrRepeatingInteractions()
    {
        await using var rig = await GatewayTestRig.StartAsync();
        var before = rig.Interactions.SlashCommand("council", new Dictionary<string, string> { ["name"] = "Hull" });
        await rig.Gateway.InjectAsync(before);
        await before.WaitForCallbackAsync();
        rig.Gateway.ReplayAlreadySeenOnResume = 5; // Discord may replay what we had: it must not be answered twice

        await rig.Gateway.SendReconnectAsync();
        var during = rig.Interactions.SlashCommand("council", new Dictionary<string, string> { ["name"] = "Leeds" });
        await rig.Gateway.InjectAsync(during);

        Assert.Equal("answer to /council Leeds", (await during.WaitForCallbackAsync()).Content);
        await rig.WaitAsync(() => rig.Client.Connected, "connected again");
        Assert.Equal([FakeDiscordGateway.IdentifyPath, FakeDiscordGateway.ResumePath], rig.Gateway.ConnectionPaths);
        Assert.Equal(1, rig.Gateway.Identifies);
        Assert.Equal(1, rig.Gateway.Resumes);
        Assert.Equal(["/council Hull", "/council Leeds"], rig.Bot.Requests.Select(r => r.Text));
        Assert.Equal(0, before.RefusedCallbacks);
        Assert.DoesNotContain(1000, rig.Gateway.ClientCloseCodes);
        Assert.Equal(1, rig.Monitor.Reconnects);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var rig = await GatewayTestRig.StartAsync();

        await rig.Gateway.SendInvalidSessionAsync(resumable: true);

        await rig.WaitAsync(() => rig.Gateway.Resumes == 1 && rig.Gateway.IsReady, "resumed");
        Assert.Equal(1, rig.Gateway.Identifies);
        Assert.Equal(FakeDiscordGateway.ResumePath, rig.Gateway.ConnectionPaths[^1]);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAfresh()
    {
        await using var rig = await GatewayTestRig.StartAsync();

        await rig.Gateway.SendInvalidSessionAsync(resumable: false);

        await rig.WaitAsync(() => rig.Gateway.Identifies == 2 && rig.Gateway.IsReady, "identified again");
        Assert.Equal(0, rig.Gateway.Resumes);
        Assert.Equal([FakeDiscordGateway.IdentifyPath, FakeDiscordGateway.IdentifyPath], rig.Gateway.ConnectionPaths);
    }

    [Theory]
    [InlineData(4000, true)] // unknown error: resume
    [InlineData(4008, true)] // rate limited: resume
    [InlineData(4009, false)] // session timed out: identify
    [InlineData(4007, false)] // invalid seq: identify
    public async Task Close_ReconnectableCode_ResumesOrIdentifiesAsTheDocsSay(int code, bool resumes)
    {
        await using var rig = await GatewayTestRig.StartAsync();

        await rig.Gateway.CloseAsync(code);

        await rig.WaitAsync(() => rig.Gateway.ConnectionPaths.Count == 2 && rig.Gateway.IsReady && rig.Client.Connected, "reconnected");
        Assert.Equal(resumes ? 1 : 0, rig.Gateway.Resumes);
        Assert.Equal(resumes ? 1 : 2, rig.Gateway.Identifies);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Close_FatalCode_StopsWithoutReconnecting(int code)
    {
        await using var rig = await GatewayTestRig.StartAsync();

        await rig.Gateway.CloseAsync(code);

        await rig.Running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(rig.Client.Connected);
        Assert.NotNull(rig.Client.StoppedReason);
        Assert.Single(rig.Gateway.ConnectionPaths);
        var (connected, detail) = rig.Monitor.Changes[^1];
        Assert.False(connected);
        Assert.StartsWith("stopped", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongToken_GatewayBotRefused_StopsWithoutConnecting()
    {
        var interactions = new FakeDiscordInteractions();
        using var gateway = new FakeDiscordGateway(interactions);
        await using var server = await ResultsBot.Fakes.FakeServer.StartAsync(gateway, interactions);
        using var http = new HttpClient();
        var options = InteractionTestOptions.For(server, interactions) with { BotToken = "zz-secret-zz" };
        var monitor = new GatewayTestMonitor();
        var handler = new Interactions.DiscordInteractionHandler(options, http, new InteractionTestBot(), TimeProvider.System, monitor, Microsoft.Extensions.Logging.Abstractions.NullLogger<Interactions.DiscordInteractionHandler>.Instance);
        var client = new Gateway.DiscordGatewayClient(options, http, handler, monitor, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Gateway.DiscordGatewayClient>.Instance);

        await client.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("401", client.StoppedReason, StringComparison.Ordinal);
        Assert.DoesNotContain("zz-secret-zz", client.StoppedReason, StringComparison.Ordinal);
        Assert.Empty(gateway.ConnectionPaths);
    }

    [Fact]
    public async Task Resume_OfAnExpiredSession_GetsOp9AndIdentifiesAfresh()
    {
        await using var rig = await GatewayTestRig.StartAsync();
        rig.Gateway.ExpireSession();

        await rig.Gateway.CloseAsync(4000);

        await rig.WaitAsync(() => rig.Gateway.Identifies == 2 && rig.Gateway.IsReady && rig.Client.Connected, "identified again");
        Assert.Equal(0, rig.Gateway.Resumes);
        Assert.Equal([FakeDiscordGateway.IdentifyPath, FakeDiscordGateway.ResumePath, FakeDiscordGateway.IdentifyPath], rig.Gateway.ConnectionPaths);
    }

    [Fact]
    public async Task InvalidSession_NoSessionStartsLeft_WaitsInsteadOfIdentifying()
    {
        await using var rig = await GatewayTestRig.StartAsync();
        rig.Gateway.SessionStartLimit = 1;

        await rig.Gateway.SendInvalidSessionAsync(resumable: false);

        await rig.WaitAsync(() => rig.Gateway.GatewayBotRequests == 2, "the client asks how many starts are left");
        await Task.Delay(300); // room for a wrong reconnect to show
        Assert.Single(rig.Gateway.ConnectionPaths);
        Assert.Equal(1, rig.Gateway.Identifies);
        Assert.False(rig.Client.Connected);
        Assert.Null(rig.Client.StoppedReason);
    }

    [Fact]
    public async Task Zombie_NoHeartbeatAck_ClosesWithNon1000AndResumes()
    {
        await using var rig = await GatewayTestRig.StartAsync(TimeSpan.FromMilliseconds(300));
        rig.Gateway.AckHeartbeats = false;

        await rig.WaitAsync(() => rig.Gateway.ClientCloseCodes.Count >= 1, "the client gives up on the zombie");
        rig.Gateway.AckHeartbeats = true;

        await rig.WaitAsync(() => rig.Gateway.Resumes >= 1 && rig.Gateway.IsReady && rig.Client.Connected, "resumed");
        Assert.NotEqual(1000, rig.Gateway.ClientCloseCodes[0]);
        Assert.Equal(1, rig.Gateway.Identifies);
        Assert.Equal(FakeDiscordGateway.ResumePath, rig.Gateway.ConnectionPaths[^1]);
    }

    [Fact]
    public async Task Stop_ClosesWith1000AndReportsDisconnected()
    {
        await using var rig = await GatewayTestRig.StartAsync();

        await rig.StopAsync();

        Assert.False(rig.Client.Connected);
        Assert.Null(rig.Client.StoppedReason);
        await rig.WaitAsync(() => rig.Gateway.ClientCloseCodes.Count == 1, "the close arrives");
        Assert.Equal(1000, rig.Gateway.ClientCloseCodes[0]);
        Assert.False(rig.Monitor.Changes[^1].Connected);
    }
}
