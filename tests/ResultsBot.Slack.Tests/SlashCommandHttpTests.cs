using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests;

public class SlashCommandHttpTests
{
    private static readonly DateTimeOffset Night = DateTimeOffset.Parse("2026-05-07T23:30:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Command_AnsweredDirectly_EphemeralWithTheEngineText()
    {
        var time = new FakeTimeProvider(Night);
        var commands = new FakeBotCommands(request => Task.FromResult(new CommandAnswer("Birmingham: Lab hold <@U999>")));
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time, admins: "U0ADMIN");
        using var http = new HttpClient();

        using var request = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, Night, new FakeSlackSlashCommand("council Birmingham", UserId: "U0ADMIN", ChannelId: "C0NIGHT"), new Uri("https://hooks.slack.com/commands/T0/1/abc"));
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", body.RootElement.GetProperty("response_type").GetString());
        Assert.Equal("Birmingham: Lab hold &lt;@U999&gt;", body.RootElement.GetProperty("text").GetString());
        var block = body.RootElement.GetProperty("blocks")[0];
        Assert.Equal("section", block.GetProperty("type").GetString());
        Assert.Equal("mrkdwn", block.GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("```Birmingham: Lab hold &lt;@U999&gt;```", block.GetProperty("text").GetProperty("text").GetString());

        var asked = Assert.Single(commands.Requests);
        Assert.Equal("/council Birmingham", asked.Text);
        Assert.Equal(new Caller("U0ADMIN", true), asked.Caller);
        Assert.Equal("slack:C0NIGHT", asked.Channel.ToString());
    }

    [Fact]
    public async Task Command_SignedAndSentAgainWithinTheWindow_RunsOnlyOnce()
    {
        var time = new FakeTimeProvider(Night);
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time, admins: "U0ADMIN");
        using var http = new HttpClient();
        var command = new FakeSlackSlashCommand("share set Lab 34 source BBC", UserId: "U0ADMIN");

        using var first = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, Night, command, new Uri("https://hooks.slack.com/commands/T0/1/abc"));
        using var firstResponse = await http.SendAsync(first);
        time.Advance(TimeSpan.FromMinutes(4)); // the signature is still accepted
        using var replay = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, Night, command, new Uri("https://hooks.slack.com/commands/T0/1/abc"));
        using var replayResponse = await http.SendAsync(replay);

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayResponse.StatusCode);
        Assert.Equal("", await replayResponse.Content.ReadAsStringAsync());
        Assert.Equal("/share set Lab 34 source BBC", Assert.Single(commands.Requests).Text);
    }

    [Fact]
    public async Task PostCommand_AnswersInChannel_AndCallerNotInAdminsIsNoAdmin()
    {
        var time = new FakeTimeProvider(Night);
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time, admins: "U0ADMIN");
        using var http = new HttpClient();

        using var request = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, Night, new FakeSlackSlashCommand("post scoreboard", UserId: "U0SOMEONE"), new Uri("https://hooks.slack.com/commands/T0/1/abc"));
        using var response = await http.SendAsync(request);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("in_channel", body.RootElement.GetProperty("response_type").GetString());
        Assert.Equal("Answer to /scoreboard", body.RootElement.GetProperty("text").GetString());
        Assert.False(Assert.Single(commands.Requests).Caller.IsAdmin);
    }

    [Fact]
    public async Task SlowAnswer_EmptyAckAtOnce_ThenTheAnswerAtResponseUrl()
    {
        var time = new FakeTimeProvider(Night);
        var release = new TaskCompletionSource<CommandAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var commands = new FakeBotCommands(_ => release.Task);
        var responseUrls = new FakeSlackResponseUrls();
        await using var slack = await FakeServer.StartAsync(responseUrls);
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        using var http = new HttpClient();
        var responseUrl = responseUrls.Create(slack.BaseUrl);

        using var request = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, Night, new FakeSlackSlashCommand("post awaiting"), responseUrl);
        var sending = http.SendAsync(request);
        await commands.Started.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(2));
        using var ack = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        Assert.Empty(responseUrls.Posted(responseUrl));

        release.SetResult(new CommandAnswer("Still to declare: 12 councils"));
        var posted = Assert.Single(await responseUrls.WaitForPostsAsync(responseUrl));
        Assert.Equal("in_channel", posted.GetProperty("response_type").GetString());
        Assert.Equal("Still to declare: 12 councils", posted.GetProperty("text").GetString());
        Assert.False(posted.GetProperty("replace_original").GetBoolean());
    }

    [Fact]
    public async Task SignedSslCheck_200WithoutRunningAnything()
    {
        var time = new FakeTimeProvider(Night);
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        using var http = new HttpClient();
        const string body = "ssl_check=1&token=fake-verification-token";
        var timestamp = Night.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.Endpoint) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", FakeSlackSlashCommandRequest.Sign(TestOptions.SigningSecret, timestamp, body));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(commands.Requests);
    }

    [Fact]
    public async Task FailingCommand_StillGetsAPoliteAnswer()
    {
        var time = new FakeTimeProvider(Night);
        var commands = new FakeBotCommands(_ => throw new InvalidOperationException("store on fire"));
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        using var http = new HttpClient();

        using var request = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, Night, new FakeSlackSlashCommand("gains"), new Uri("https://hooks.slack.com/commands/T0/1/abc"));
        using var response = await http.SendAsync(request);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("something went wrong", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fire", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
