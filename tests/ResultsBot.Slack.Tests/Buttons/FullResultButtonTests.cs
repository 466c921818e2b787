using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.Posts;

namespace ResultsBot.Slack.Tests.Buttons;

/// <summary>"Full result" under a declaration post: rendered, pressed over HTTP (signed) and Socket Mode, answered privately.</summary>
public sealed class FullResultButtonTests
{
    private const string Thurrock = "Reform UK gain Thurrock from Labour\nSeats won: Reform UK 21 (+21), Labour 16 (−12)\nReform UK majority of 5";
    private static readonly DateTimeOffset Night = DateTimeOffset.Parse("2026-05-07T23:30:00Z", CultureInfo.InvariantCulture);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly Post Declaration = new(PostKind.Declaration, "council/thurrock", "Reform UK gain Thurrock from Labour",
        [new PostSection("Seats won", "Reform UK 21 (+21), Labour 16 (−12)"), PostSection.Plain("Reform UK majority of 5")])
    {
        Footer = "PA Media · 3 May 2024, 03:12 UK time",
    };

    [Fact]
    public void Render_Declaration_EndsWithAFullResultButtonNamingTheCouncilUnderTheFooter()
    {
        var blocks = SlackPostRenderer.Render(Declaration).ToJson("C0NEWS")["blocks"]!.AsArray();

        Assert.Equal(["header", "section", "section", "context", "actions"], blocks.Select(b => (string?)b!["type"]));
        var button = Assert.Single(blocks[^1]!["elements"]!.AsArray())!;
        Assert.Equal("button", (string?)button["type"]);
        Assert.Equal("Full result", (string?)button["text"]!["text"]);
        Assert.Equal("plain_text", (string?)button["text"]!["type"]);
        Assert.Equal("full_result", (string?)button["action_id"]);
        Assert.Equal("council/thurrock", (string?)button["value"]);
    }

    [Theory]
    [InlineData(PostKind.Correction, "council/thurrock", "council/thurrock")]
    [InlineData(PostKind.Declaration, "result/mayor/hackney", "result/mayor/hackney")]
    [InlineData(PostKind.Milestone, "milestone/half", null)]
    [InlineData(PostKind.Digest, "digest/1", null)]
    [InlineData(PostKind.Announcement, "share/1", null)]
    [InlineData(PostKind.Declaration, "council/", null)]
    public void Render_OnlyAResultsPost_HasTheButton(PostKind kind, string subject, string? value)
    {
        var blocks = SlackPostRenderer.Render(Declaration with { Kind = kind, Subject = subject }).ToJson("C0NEWS")["blocks"]!.AsArray();

        var buttons = blocks.Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => (string?)e!["value"]).ToList();
        Assert.Equal(value is null ? [] : [value], buttons);
    }

    [Fact]
    public void Render_ValueLongerThanABlockKitButtonTakes_HasNoButton()
    {
        var blocks = SlackPostRenderer.Render(Declaration with { Subject = "council/" + new string('x', 1993) }).ToJson("C0NEWS")["blocks"]!.AsArray();

        Assert.DoesNotContain(blocks, b => (string?)b!["type"] == "actions");
    }

    [Fact]
    public void Render_LongestPost_StaysWithinFiftyBlocksAndKeepsTheButton()
    {
        var post = Declaration with { Sections = [.. Enumerable.Range(1, 80).Select(i => PostSection.Plain("Ward " + i))] };

        var blocks = SlackPostRenderer.Render(post, pictureRoom: 2).ToJson("C0NEWS")["blocks"]!.AsArray();

        Assert.Equal(48, blocks.Count);
        Assert.Equal("actions", (string?)blocks[^1]!["type"]);
        Assert.Equal("context", (string?)blocks[^2]!["type"]);
    }

    [Fact]
    public async Task PressedOverHttp_PresserAloneGetsTheCouncilsAnswerAndThePostStays()
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands(_ => Task.FromResult(new CommandAnswer(Thurrock)));
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        var post = Sent(SlackPostRenderer.Render(Declaration));
        var responseUrl = urls.CreateForPress(slack.BaseUrl, post.RootElement, ephemeral: false);
        var press = FakeSlackBlockActions.Press(post.RootElement, "Full result", responseUrl, userId: "U0PRESSER", channelId: "C0NEWS", ephemeral: false);

        using var http = new HttpClient();
        using var response = await http.SendAsync(FakeSlackBlockActions.SignedRequest(bot.Interactivity, TestOptions.SigningSecret, Night, press));
        var answer = Assert.Single(await urls.WaitForPostsAsync(responseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.False(answer.GetProperty("replace_original").GetBoolean());
        Assert.Equal(Thurrock, answer.GetProperty("text").GetString());
        Assert.Equal("```" + Thurrock + "```", answer.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        var shown = Assert.Single(urls.Sent(responseUrl));
        Assert.True(shown.Ephemeral);
        Assert.Equal(["Share to channel"], shown.Buttons);
        Assert.Equal(post.RootElement.GetRawText(), urls.Original(responseUrl)!.Body.GetRawText());
        var asked = Assert.Single(commands.Requests);
        Assert.Equal("/council thurrock", asked.Text);
        Assert.Equal("U0PRESSER", asked.Caller.Id);
        Assert.Equal("slack:C0NEWS", asked.Channel.ToString());
    }

    [Fact]
    public async Task PressedOverHttp_Forged_Refused401AndNothingRuns()
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        var post = Sent(SlackPostRenderer.Render(Declaration));
        var responseUrl = urls.CreateForPress(slack.BaseUrl, post.RootElement, ephemeral: false);
        var press = FakeSlackBlockActions.Press(post.RootElement, "Full result", responseUrl, ephemeral: false);

        using var http = new HttpClient();
        using var forged = await http.SendAsync(FakeSlackBlockActions.SignedRequest(bot.Interactivity, "not-the-signing-secret", Night, press));
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(commands.Requests);
        Assert.Empty(urls.Posted(responseUrl));
    }

    [Theory]
    [InlineData("council/")]
    [InlineData("milestone/half")]
    [InlineData("")]
    [InlineData("/subscribe region London")]
    public async Task Pressed_ValueNamingNoResult_PresserIsToldPlainlyAndNothingRuns(string value)
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        var responseUrl = urls.Create(slack.BaseUrl);

        using var http = new HttpClient();
        using var response = await http.SendAsync(FakeSlackBlockActions.SignedRequest(bot.Interactivity, TestOptions.SigningSecret, Night, FakeSlackBlockActions.PressWithAction("full_result", value, responseUrl)));
        var told = Assert.Single(await urls.WaitForPostsAsync(responseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ephemeral", told.GetProperty("response_type").GetString());
        Assert.Equal("Sorry, I can't tell which result that button is for: it may be from an older version of ResultsBot. Type /results council NAME to ask for a council's result.", told.GetProperty("text").GetString());
        Assert.Empty(commands.Requests);
    }

    [Fact]
    public async Task Pressed_ResultNowUnknown_PresserIsToldWhy()
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands(_ => Task.FromResult(CommandAnswer.Problem("No result for \"thurrock\".")));
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        var responseUrl = urls.Create(slack.BaseUrl);

        using var http = new HttpClient();
        using var response = await http.SendAsync(FakeSlackBlockActions.SignedRequest(bot.Interactivity, TestOptions.SigningSecret, Night, FakeSlackBlockActions.PressWithAction("full_result", "council/thurrock", responseUrl)));
        var told = Assert.Single(await urls.WaitForPostsAsync(responseUrl));

        Assert.Equal("ephemeral", told.GetProperty("response_type").GetString());
        Assert.Equal("No result for \"thurrock\".", told.GetProperty("text").GetString());
        Assert.DoesNotContain(told.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "actions");
    }

    [Fact]
    public async Task PressedOverSocketMode_AckedEmptyOnceAndAnsweredPrivatelyOnceEvenWhenDeliveredAgain()
    {
        var commands = new FakeBotCommands(_ => Task.FromResult(new CommandAnswer(Thurrock)));
        await using var bot = await SocketModeHarness.StartAsync(commands);
        await bot.Slack.WaitForConnectionsAsync(1);
        var post = Sent(SlackPostRenderer.Render(Declaration));
        var responseUrl = bot.Slack.NewResponseUrlFor(post.RootElement, ephemeral: false);

        var envelope = bot.Slack.InjectInteractive(FakeSlackBlockActions.Press(post.RootElement, "Full result", responseUrl, userId: "U0C", channelId: "C0NEWS", ephemeral: false));
        var ack = await envelope.Acked.WaitAsync(Patience);
        var answer = Assert.Single(await bot.Slack.ResponseUrls.WaitForPostsAsync(responseUrl));
        await bot.Slack.RedeliverAsync(envelope);
        await Task.Delay(500);

        Assert.Null(ack.Payload);
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.False(answer.GetProperty("replace_original").GetBoolean());
        Assert.Equal(Thurrock, answer.GetProperty("text").GetString());
        Assert.Single(bot.Slack.ResponseUrls.Posted(responseUrl));
        Assert.NotNull(bot.Slack.ResponseUrls.Original(responseUrl));
        Assert.Equal(["/council thurrock"], commands.Requests.Select(r => r.Text));
        Assert.Equal("U0C", commands.Requests[0].Caller.Id);
        Assert.Empty(bot.Slack.Problems);
    }

    /// <summary>The post as the bot sends it to chat.postMessage: what Slack shows, and presses come from.</summary>
    private static JsonDocument Sent(SlackMessageBody message) => JsonDocument.Parse(message.ToJson("C0NEWS").ToJsonString());
}
