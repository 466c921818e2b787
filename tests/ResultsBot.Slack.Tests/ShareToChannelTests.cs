using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests;

/// <summary>"Share to channel" under a private answer: offered, pressed over HTTP (signed) and over Socket Mode.</summary>
public sealed class ShareToChannelTests
{
    private static readonly DateTimeOffset Night = DateTimeOffset.Parse("2026-05-07T23:30:00Z", CultureInfo.InvariantCulture);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task PrivateAnswer_ToACommandThatOnlyReads_HasAShareToChannelButtonCarryingTheCommand()
    {
        var time = new FakeTimeProvider(Night);
        await using var bot = await SlackCommandEndpointHost.StartAsync(new FakeBotCommands(), time);

        using var body = await CommandAsync(bot, "council Thurrock");

        var blocks = body.RootElement.GetProperty("blocks");
        var actions = blocks[blocks.GetArrayLength() - 1];
        Assert.Equal("actions", actions.GetProperty("type").GetString());
        var button = Assert.Single(actions.GetProperty("elements").EnumerateArray());
        Assert.Equal("button", button.GetProperty("type").GetString());
        Assert.Equal("Share to channel", button.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("plain_text", button.GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("share_to_channel", button.GetProperty("action_id").GetString());
        Assert.Equal("/council Thurrock", button.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("post council Thurrock")] // already in the channel
    [InlineData("subscribe region London")] // changes settings: never run again by a button
    [InlineData("subscriptions")]
    [InlineData("share set Lab 34 source BBC")]
    public async Task Answer_PublicOrAboutSettings_HasNoButton(string text)
    {
        var time = new FakeTimeProvider(Night);
        await using var bot = await SlackCommandEndpointHost.StartAsync(new FakeBotCommands(), time);

        using var body = await CommandAsync(bot, text);

        Assert.DoesNotContain(body.RootElement.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "actions");
    }

    [Fact]
    public async Task ProblemAnswer_HasNoButton()
    {
        var time = new FakeTimeProvider(Night);
        await using var bot = await SlackCommandEndpointHost.StartAsync(new FakeBotCommands(_ => Task.FromResult(CommandAnswer.Problem("No result for \"Narnia\"."))), time);

        using var body = await CommandAsync(bot, "council Narnia");

        Assert.DoesNotContain(body.RootElement.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "actions");
    }

    [Fact]
    public async Task SharePressedOverHttp_SignedRequest_PostsTheAnswerForEveryoneThenRemovesThePrivateCopy()
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands(request => Task.FromResult(new CommandAnswer("Reform UK gain Thurrock from Labour")));
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        using var answer = await CommandAsync(bot, "council Thurrock", userId: "U0ASKER");
        var responseUrl = urls.Create(slack.BaseUrl);
        var press = FakeSlackBlockActions.Press(answer.RootElement, "Share to channel", responseUrl, userId: "U0PRESSER", channelId: "C0NIGHT");

        using var http = new HttpClient();
        using var request = FakeSlackBlockActions.SignedRequest(bot.Interactivity, TestOptions.SigningSecret, Night, press);
        using var response = await http.SendAsync(request);
        var posts = await urls.WaitForPostsAsync(responseUrl, 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var shared = posts[0];
        Assert.Equal("in_channel", shared.GetProperty("response_type").GetString());
        Assert.False(shared.GetProperty("replace_original").GetBoolean());
        Assert.Equal("Reform UK gain Thurrock from Labour", shared.GetProperty("text").GetString());
        Assert.Equal("```Reform UK gain Thurrock from Labour```", shared.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        Assert.DoesNotContain(shared.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "actions");
        Assert.True(posts[1].GetProperty("delete_original").GetBoolean());
        var asked = commands.Requests[1];
        Assert.Equal("/council Thurrock", asked.Text);
        Assert.Equal("U0PRESSER", asked.Caller.Id);
        Assert.Equal("slack:C0NIGHT", asked.Channel.ToString());
    }

    [Fact]
    public async Task SharePressedOverHttp_ForgedOrStale_Refused401AndNothingRuns()
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        var responseUrl = urls.Create(slack.BaseUrl);
        var press = FakeSlackBlockActions.PressWithAction("share_to_channel", "/council Thurrock", responseUrl);
        using var http = new HttpClient();

        using var forged = FakeSlackBlockActions.SignedRequest(bot.Interactivity, "not-the-signing-secret", Night, press);
        using var forgedResponse = await http.SendAsync(forged);
        using var stale = FakeSlackBlockActions.SignedRequest(bot.Interactivity, TestOptions.SigningSecret, Night - TimeSpan.FromMinutes(6), press);
        using var staleResponse = await http.SendAsync(stale);
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staleResponse.StatusCode);
        Assert.Empty(commands.Requests);
        Assert.Empty(urls.Posted(responseUrl));
    }

    [Theory]
    [InlineData("vote_now", "/council Thurrock")]
    [InlineData("share_to_channel", "/subscribe region London")]
    [InlineData("share_to_channel", "council Thurrock")]
    public async Task UnknownButtonPressed_PresserAloneIsToldAndNothingRuns(string actionId, string value)
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        var responseUrl = urls.Create(slack.BaseUrl);
        using var http = new HttpClient();

        using var request = FakeSlackBlockActions.SignedRequest(bot.Interactivity, TestOptions.SigningSecret, Night, FakeSlackBlockActions.PressWithAction(actionId, value, responseUrl));
        using var response = await http.SendAsync(request);
        var told = Assert.Single(await urls.WaitForPostsAsync(responseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ephemeral", told.GetProperty("response_type").GetString());
        Assert.Equal("Sorry, I don't recognise that button: it may be from an older version of ResultsBot. Type /results help to see what I can answer.", told.GetProperty("text").GetString());
        Assert.Empty(commands.Requests);
    }

    [Fact]
    public async Task SharePressedOverSocketMode_AckedOnceEmptyAndSharedOnceEvenWhenDeliveredAgain()
    {
        var commands = new FakeBotCommands(request => Task.FromResult(new CommandAnswer("Labour 51 councils (+8)")));
        await using var bot = await SocketModeHarness.StartAsync(commands);
        await bot.Slack.WaitForConnectionsAsync(1);
        var command = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("scoreboard", UserId: "U0A", ChannelId: "C0B"));
        var answer = (await command.Acked.WaitAsync(Patience)).Payload!.Value;

        var responseUrl = bot.Slack.NewResponseUrl();
        var envelope = bot.Slack.InjectInteractive(FakeSlackBlockActions.Press(answer, "Share to channel", responseUrl, userId: "U0C", channelId: "C0B"));
        var ack = await envelope.Acked.WaitAsync(Patience);
        var posts = await bot.Slack.ResponseUrls.WaitForPostsAsync(responseUrl, 2);
        await bot.Slack.RedeliverAsync(envelope);
        await Task.Delay(500);

        Assert.Null(ack.Payload);
        Assert.Equal("in_channel", posts[0].GetProperty("response_type").GetString());
        Assert.Equal("Labour 51 councils (+8)", posts[0].GetProperty("text").GetString());
        Assert.True(posts[1].GetProperty("delete_original").GetBoolean());
        Assert.Equal(2, bot.Slack.ResponseUrls.Posted(responseUrl).Count);
        Assert.Equal(["/scoreboard", "/scoreboard"], commands.Requests.Select(r => r.Text));
        Assert.Equal("U0C", commands.Requests[1].Caller.Id);
        Assert.Empty(bot.Slack.Problems);
    }

    private static async Task<JsonDocument> CommandAsync(SlackCommandEndpointHost bot, string text, string userId = "U0SOMEONE")
    {
        using var http = new HttpClient();
        using var request = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, Night, new FakeSlackSlashCommand(text, UserId: userId, ChannelId: "C0NIGHT"), new Uri("https://hooks.slack.com/commands/T0/1/abc"));
        using var response = await http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
