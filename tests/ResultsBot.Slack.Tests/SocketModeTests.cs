using ResultsBot.Domain.Commands;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.SocketMode;

namespace ResultsBot.Slack.Tests;

public class SocketModeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Start_OpensAConnection_AndIsConnectedAfterHello()
    {
        await using var bot = await SocketModeHarness.StartAsync();

        await bot.Slack.WaitForConnectionsAsync(1);
        await TestOptions.WaitUntilAsync(() => bot.Client.Connected, "Connected");

        Assert.Equal(1, bot.Slack.ConnectionsOpenCalls);
        Assert.Equal(["slack up: Socket Mode connected"], bot.Monitor.Events);
    }

    [Fact]
    public async Task Start_TheAppAlreadyHoldsTenConnections_BacksOffAndConnectsWhenOneFrees()
    {
        await using var bot = await SocketModeHarness.StartAsync(configure: slack => slack.MaxConnections = 0); // as if ten other instances held them

        await TestOptions.WaitUntilAsync(() => bot.Slack.ConnectionsRefused >= 3, "three refusals");
        var connectedWhileRefused = bot.Client.Connected;
        bot.Slack.MaxConnections = 10;
        await bot.Slack.WaitForConnectionsAsync(1);
        await TestOptions.WaitUntilAsync(() => bot.Client.Connected, "Connected");

        Assert.False(connectedWhileRefused);
        Assert.Equal(bot.Slack.ConnectionsRefused + 1, bot.Slack.ConnectionsOpenCalls); // one open a refusal, retried: no tight loop of opens
        Assert.Contains(bot.Monitor.Events, e => e.Contains("too_many_websockets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlashCommand_AnsweredInTheAckPayload()
    {
        await using var bot = await SocketModeHarness.StartAsync(new FakeBotCommands(_ => Task.FromResult(new CommandAnswer("Birmingham: Lab hold"))));
        await bot.Slack.WaitForConnectionsAsync(1);

        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("post council Birmingham", UserId: "U0A", ChannelId: "C0B"));
        var ack = await envelope.Acked.WaitAsync(Patience);

        Assert.Equal(1, ack.ConnectionNumber);
        var payload = Assert.NotNull(ack.Payload);
        Assert.Equal("in_channel", payload.GetProperty("response_type").GetString());
        Assert.Equal("Birmingham: Lab hold", payload.GetProperty("text").GetString());
        Assert.Equal("```Birmingham: Lab hold```", payload.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        var asked = Assert.Single(bot.Commands.Requests);
        Assert.Equal("/council Birmingham", asked.Text);
        Assert.Equal("slack:C0B", asked.Channel.ToString());
        Assert.Equal("U0A", asked.Caller.Id);
        Assert.Empty(bot.Slack.Problems);
    }

    [Fact]
    public async Task SlowCommand_EmptyAckInTime_ThenTheAnswerAtResponseUrl()
    {
        var release = new TaskCompletionSource<CommandAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await SocketModeHarness.StartAsync(new FakeBotCommands(_ => release.Task), window: TimeSpan.FromMilliseconds(200));
        await bot.Slack.WaitForConnectionsAsync(1);

        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("declared"));
        var ack = await envelope.Acked.WaitAsync(Patience);
        Assert.Null(ack.Payload);
        Assert.Empty(bot.Slack.ResponseUrls.Posted(envelope.ResponseUrl!));

        release.SetResult(new CommandAnswer("Declared: 3"));
        var posted = Assert.Single(await bot.Slack.ResponseUrls.WaitForPostsAsync(envelope.ResponseUrl!));
        Assert.Equal("ephemeral", posted.GetProperty("response_type").GetString());
        Assert.Equal("Declared: 3", posted.GetProperty("text").GetString());
        Assert.Equal(1, envelope.Deliveries);
    }

    [Fact]
    public async Task AckCannotCarryTheAnswer_AnswerGoesToResponseUrl()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        await bot.Slack.WaitForConnectionsAsync(1);

        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("share"), acceptsResponsePayload: false);
        var ack = await envelope.Acked.WaitAsync(Patience);
        var posted = Assert.Single(await bot.Slack.ResponseUrls.WaitForPostsAsync(envelope.ResponseUrl!));

        Assert.Null(ack.Payload);
        Assert.Equal("Answer to /share", posted.GetProperty("text").GetString());
    }

    [Fact]
    public async Task EventsApiEnvelope_AckedAndIgnored()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        await bot.Slack.WaitForConnectionsAsync(1);

        var envelope = bot.Slack.InjectEvent("app_mention");
        var ack = await envelope.Acked.WaitAsync(Patience);

        Assert.Null(ack.Payload);
        Assert.Empty(bot.Commands.Requests);
    }

    [Fact]
    public async Task RefreshRequested_NewConnectionBeforeTheOldCloses_AndNoCommandIsLost()
    {
        await using var bot = await SocketModeHarness.StartAsync(configure: slack => slack.DisconnectGrace = TimeSpan.FromSeconds(2));
        await bot.Slack.WaitForConnectionsAsync(1);

        await bot.Slack.SendDisconnectAsync("refresh_requested");
        var during = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("council Hull"));
        await bot.Slack.WaitForConnectionsAsync(2);
        var after = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("council Leeds"));

        Assert.NotNull((await during.Acked.WaitAsync(Patience)).Payload);
        var afterAck = await after.Acked.WaitAsync(Patience);
        Assert.Equal(2, afterAck.ConnectionNumber);
        Assert.Equal(["/council Hull", "/council Leeds"], bot.Commands.Requests.Select(r => r.Text).Order());
        Assert.Equal(2, bot.Slack.ConnectionsOpenCalls);
        Assert.Contains("slack reconnected", bot.Monitor.Events);
        Assert.DoesNotContain(bot.Monitor.Events, e => e.Contains("down", StringComparison.Ordinal));
        await TestOptions.WaitUntilAsync(() => bot.Slack.OpenConnections == 1, "the old connection to close");
        Assert.True(bot.Client.Connected);
    }

    [Fact]
    public async Task SilentSocket_WatchdogReconnects_AndALaterCommandIsAnswered()
    {
        var watchful = SocketModeHarness.Fast with { SilenceTimeout = TimeSpan.FromSeconds(1) };
        await using var bot = await SocketModeHarness.StartAsync(options: watchful);
        await bot.Slack.WaitForConnectionsAsync(1);

        bot.Slack.GoSilent();
        await bot.Slack.WaitForConnectionsAsync(2);
        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("gains"));
        var ack = await envelope.Acked.WaitAsync(Patience);

        Assert.Equal(2, ack.ConnectionNumber);
        Assert.Equal("Answer to /gains", ack.Payload?.GetProperty("text").GetString());
        Assert.Contains(bot.Monitor.Events, e => e.StartsWith("slack down: Socket Mode connection lost", StringComparison.Ordinal));
        Assert.Contains("slack reconnected", bot.Monitor.Events);
    }

    [Fact]
    public async Task LinkDisabled_StopsForGood_AndSaysWhy()
    {
        await using var bot = await SocketModeHarness.StartAsync(configure: slack => slack.DisconnectGrace = TimeSpan.FromSeconds(1));
        await bot.Slack.WaitForConnectionsAsync(1);

        await bot.Slack.SendDisconnectAsync("link_disabled");
        await bot.Running.WaitAsync(Patience);

        Assert.False(bot.Client.Connected);
        Assert.Contains("link_disabled", bot.Client.StoppedReason, StringComparison.Ordinal);
        Assert.Equal(1, bot.Slack.ConnectionsOpenCalls);
        Assert.StartsWith("slack down:", bot.Monitor.Events[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongAppToken_StopsWithoutRetrying()
    {
        await using var bot = await SocketModeHarness.StartAsync(appToken: "xapp-1-not-the-token");

        await bot.Running.WaitAsync(Patience);

        Assert.Contains("invalid_auth", bot.Client.StoppedReason, StringComparison.Ordinal);
        Assert.Equal(0, bot.Slack.ConnectionsOpened);
    }

    [Fact]
    public async Task RedeliveredAfterAnAck_AckedAgainWithTheSameAnswer_NotRunTwice()
    {
        await using var bot = await SocketModeHarness.StartAsync();
        await bot.Slack.WaitForConnectionsAsync(1);
        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("scoreboard"));
        var first = await envelope.Acked.WaitAsync(Patience);

        await bot.Slack.RedeliverAsync(envelope);
        await TestOptions.WaitUntilAsync(() => bot.Slack.Acks.Count(a => a.EnvelopeId == envelope.EnvelopeId) == 2, "the second ack");

        Assert.Single(bot.Commands.Requests);
        var acks = bot.Slack.Acks.Where(a => a.EnvelopeId == envelope.EnvelopeId).ToList();
        Assert.Equal(first.Payload?.GetRawText(), acks[1].Payload?.GetRawText());
    }

    [Fact]
    public async Task RedeliveredWhileStillAnswering_RunsOnce()
    {
        var release = new TaskCompletionSource<CommandAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var commands = new FakeBotCommands(_ => release.Task);
        await using var bot = await SocketModeHarness.StartAsync(commands, configure: slack => slack.RedeliverAfter = TimeSpan.FromMilliseconds(150));
        await bot.Slack.WaitForConnectionsAsync(1);

        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("party Green"));
        await TestOptions.WaitUntilAsync(() => envelope.Deliveries >= 2, "Slack to deliver the envelope again");
        release.SetResult(new CommandAnswer("Greens: 3 councils"));
        await envelope.Acked.WaitAsync(Patience);
        await TestOptions.WaitUntilAsync(() => bot.Slack.Acks.Count(a => a.EnvelopeId == envelope.EnvelopeId) >= envelope.Deliveries, "an ack for every delivery");

        Assert.Single(commands.Requests);
        Assert.All(bot.Slack.Acks, ack => Assert.Equal("Greens: 3 councils", ack.Payload?.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task ServerClosesTheSocket_ClientReconnects()
    {
        await using var bot = await SocketModeHarness.StartAsync(configure: slack => slack.DisconnectGrace = TimeSpan.Zero);
        await bot.Slack.WaitForConnectionsAsync(1);

        // A warning with no grace: the socket closes at once, racing the client's replacement.
        await bot.Slack.SendDisconnectAsync("warning");
        await bot.Slack.WaitForConnectionsAsync(2);
        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("help"));

        Assert.Equal("Answer to /help", (await envelope.Acked.WaitAsync(Patience)).Payload?.GetProperty("text").GetString());
        Assert.Null(bot.Client.StoppedReason);
    }
}
