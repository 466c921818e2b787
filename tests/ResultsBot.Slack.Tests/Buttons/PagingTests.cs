using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.Commands;

namespace ResultsBot.Slack.Tests.Buttons;

/// <summary>A long private answer a page at a time: Previous and Next, turned in place at the press's response_url.</summary>
public sealed class PagingTests
{
    private static readonly DateTimeOffset Night = DateTimeOffset.Parse("2026-05-07T23:30:00Z", CultureInfo.InvariantCulture);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>250 lines of 24 characters: 6,249 characters, three pages of at most 2,994 (119 lines, 119, 12).</summary>
    private static readonly string Declared = string.Join('\n', Enumerable.Range(1, 250).Select(i => string.Create(CultureInfo.InvariantCulture, $"Council {i:D3}: Labour hold")));

    [Fact]
    public void RenderPage_LongAnswer_FirstPageSaysWhereItIsWithNextAndShare()
    {
        var page = SlackCommandAnswerRenderer.RenderPage(new CommandAnswer(Declared), "/declared all", page: 1).ToJson();

        var blocks = page["blocks"]!.AsArray();
        Assert.Equal(["section", "context", "actions"], blocks.Select(b => (string?)b!["type"]));
        var text = (string)blocks[0]!["text"]!["text"]!;
        Assert.StartsWith("```Council 001: Labour hold\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Council 119: Labour hold```", text, StringComparison.Ordinal);
        Assert.Equal("Page 1 of 3", (string?)blocks[1]!["elements"]![0]!["text"]);
        var buttons = blocks[2]!["elements"]!.AsArray();
        Assert.Equal(["Next", "Share to channel"], buttons.Select(b => (string?)b!["text"]!["text"]));
        Assert.Equal(["page_next", "share_to_channel"], buttons.Select(b => (string?)b!["action_id"]));
        Assert.Equal(["2:/declared all", "/declared all"], buttons.Select(b => (string?)b!["value"]));
        Assert.Equal("ephemeral", (string?)page["response_type"]);
    }

    [Fact]
    public void RenderPage_MiddleAndLastPages_PreviousAndNextOnlyWhereThereIsSomewhereToGo()
    {
        var middle = SlackCommandAnswerRenderer.RenderPage(new CommandAnswer(Declared), "/declared all", page: 2).ToJson()["blocks"]!.AsArray();
        var last = SlackCommandAnswerRenderer.RenderPage(new CommandAnswer(Declared), "/declared all", page: 9).ToJson()["blocks"]!.AsArray();

        Assert.Equal("Page 2 of 3", (string?)middle[1]!["elements"]![0]!["text"]);
        Assert.Equal(["1:/declared all", "3:/declared all", "/declared all"], middle[2]!["elements"]!.AsArray().Select(b => (string?)b!["value"]));
        Assert.Equal("Page 3 of 3", (string?)last[1]!["elements"]![0]!["text"]);
        Assert.Equal(["Previous", "Share to channel"], last[2]!["elements"]!.AsArray().Select(b => (string?)b!["text"]!["text"]));
        Assert.EndsWith("Council 250: Labour hold```", (string)last[0]!["text"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderPage_AnswerThatFitsOnePage_IsThePlainAnswerWithItsShareButton()
    {
        var page = SlackCommandAnswerRenderer.RenderPage(new CommandAnswer("Labour 51 councils (+8)"), "/scoreboard", page: 2).ToJson()["blocks"]!.AsArray();

        Assert.Equal(["section", "actions"], page.Select(b => (string?)b!["type"]));
        Assert.Equal(["Share to channel"], page[1]!["elements"]!.AsArray().Select(b => (string?)b!["text"]!["text"]));
    }

    [Fact]
    public async Task LongPrivateAnswer_MovesToPageTwoAndBackInPlace()
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands(_ => Task.FromResult(new CommandAnswer(Declared)));
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        using var answer = await CommandAsync(bot, "declared all");

        var toPage2 = urls.CreateForPress(slack.BaseUrl, answer.RootElement, ephemeral: true);
        await PressAsync(bot, FakeSlackBlockActions.Press(answer.RootElement, "Next", toPage2, userId: "U0READER", channelId: "C0NIGHT"));
        var replaced = Assert.Single(await urls.WaitForPostsAsync(toPage2));
        var page2 = urls.Original(toPage2)!;
        var toPage1 = urls.CreateForPress(slack.BaseUrl, page2.Body, ephemeral: true);
        await PressAsync(bot, FakeSlackBlockActions.Press(page2.Body, "Previous", toPage1, userId: "U0READER", channelId: "C0NIGHT"));
        await urls.WaitForPostsAsync(toPage1);
        var page1 = urls.Original(toPage1)!;

        Assert.Equal(["Next", "Share to channel"], Buttons(answer.RootElement));
        Assert.True(replaced.GetProperty("replace_original").GetBoolean());
        Assert.Equal("ephemeral", replaced.GetProperty("response_type").GetString());
        Assert.True(page2.Ephemeral);
        Assert.Equal(["Previous", "Next", "Share to channel"], page2.Buttons);
        Assert.Equal("Page 2 of 3", PageLine(page2.Body));
        Assert.StartsWith("Council 120: Labour hold\n", page2.Text, StringComparison.Ordinal);
        Assert.Empty(urls.Sent(toPage2));
        Assert.Equal("Page 1 of 3", PageLine(page1.Body));
        Assert.Equal(answer.RootElement.GetProperty("blocks").GetRawText(), page1.Body.GetProperty("blocks").GetRawText());
        Assert.Equal(["/declared all", "/declared all", "/declared all"], commands.Requests.Select(r => r.Text));
        Assert.Equal("U0READER", commands.Requests[2].Caller.Id);
    }

    [Fact]
    public async Task ShareUnderAPage_SharesTheWholeAnswerAsPostWouldGiveIt()
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands(_ => Task.FromResult(new CommandAnswer(Declared)));
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        using var answer = await CommandAsync(bot, "declared all");
        var toPage2 = urls.CreateForPress(slack.BaseUrl, answer.RootElement, ephemeral: true);
        await PressAsync(bot, FakeSlackBlockActions.Press(answer.RootElement, "Next", toPage2));
        await urls.WaitForPostsAsync(toPage2);
        var page2 = urls.Original(toPage2)!.Body;

        var share = urls.CreateForPress(slack.BaseUrl, page2, ephemeral: true);
        await PressAsync(bot, FakeSlackBlockActions.Press(page2, "Share to channel", share));
        await urls.WaitForPostsAsync(share, 2);

        var shared = Assert.Single(urls.Sent(share));
        Assert.False(shared.Ephemeral);
        var sections = shared.Body.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetProperty("text").GetString()!).ToList();
        Assert.Equal(3, sections.Count);
        Assert.Equal("```" + Declared + "```", string.Join("", sections).Replace("``````", "\n", StringComparison.Ordinal));
        Assert.Empty(shared.Buttons);
        Assert.Null(urls.Original(share));
    }

    [Theory]
    [InlineData("post declared all")] // in the channel: everyone sees it whole; nobody turns it for the others
    public async Task LongAnswerInTheChannel_IsNotPaged(string text)
    {
        var time = new FakeTimeProvider(Night);
        var commands = new FakeBotCommands(_ => Task.FromResult(new CommandAnswer(Declared)));
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);

        using var answer = await CommandAsync(bot, text);

        Assert.Equal(["section", "section", "section"], answer.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("page_next", "x:/declared all")]
    [InlineData("page_next", "0:/declared all")]
    [InlineData("page_previous", "2:/subscribe region London")]
    [InlineData("page_next", "2")]
    public async Task PagePress_ValueTheBotDidNotWrite_PresserIsToldAndNothingRuns(string actionId, string value)
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        var responseUrl = urls.Create(slack.BaseUrl);

        await PressAsync(bot, FakeSlackBlockActions.PressWithAction(actionId, value, responseUrl));
        var told = Assert.Single(await urls.WaitForPostsAsync(responseUrl));

        Assert.Equal("Sorry, I don't recognise that button: it may be from an older version of ResultsBot. Type /results help to see what I can answer.", told.GetProperty("text").GetString());
        Assert.Empty(commands.Requests);
    }

    [Fact]
    public async Task PagePress_Forged_Refused401AndNothingRuns()
    {
        var time = new FakeTimeProvider(Night);
        var urls = new FakeSlackResponseUrls(time);
        await using var slack = await FakeServer.StartAsync(urls);
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        var responseUrl = urls.Create(slack.BaseUrl);
        using var http = new HttpClient();

        using var forged = await http.SendAsync(FakeSlackBlockActions.SignedRequest(bot.Interactivity, "not-the-signing-secret", Night, FakeSlackBlockActions.PressWithAction("page_next", "2:/declared all", responseUrl)));
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(commands.Requests);
        Assert.Empty(urls.Posted(responseUrl));
    }

    [Fact]
    public async Task NextPressedOverSocketMode_ReplacesThePrivateAnswerWithPageTwo()
    {
        var commands = new FakeBotCommands(_ => Task.FromResult(new CommandAnswer(Declared)));
        await using var bot = await SocketModeHarness.StartAsync(commands);
        await bot.Slack.WaitForConnectionsAsync(1);
        var command = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("declared all", UserId: "U0A", ChannelId: "C0B"));
        var answer = (await command.Acked.WaitAsync(Patience)).Payload!.Value;

        var responseUrl = bot.Slack.NewResponseUrlFor(answer, ephemeral: true);
        var envelope = bot.Slack.InjectInteractive(FakeSlackBlockActions.Press(answer, "Next", responseUrl, userId: "U0A", channelId: "C0B"));
        await envelope.Acked.WaitAsync(Patience);
        await bot.Slack.ResponseUrls.WaitForPostsAsync(responseUrl);

        var page2 = bot.Slack.ResponseUrls.Original(responseUrl)!;
        Assert.True(page2.Ephemeral);
        Assert.Equal("Page 2 of 3", PageLine(page2.Body));
        Assert.Empty(bot.Slack.ResponseUrls.Sent(responseUrl));
        Assert.Empty(bot.Slack.Problems);
    }

    private static string? PageLine(JsonElement message) =>
        message.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "context").GetProperty("elements")[0].GetProperty("text").GetString();

    private static IReadOnlyList<string> Buttons(JsonElement message) => new FakeSlackShownMessage(message, Ephemeral: true).Buttons;

    private static async Task PressAsync(SlackCommandEndpointHost bot, System.Text.Json.Nodes.JsonObject press)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(FakeSlackBlockActions.SignedRequest(bot.Interactivity, TestOptions.SigningSecret, Night, press));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonDocument> CommandAsync(SlackCommandEndpointHost bot, string text)
    {
        using var http = new HttpClient();
        using var request = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, Night, new FakeSlackSlashCommand(text, UserId: "U0READER", ChannelId: "C0NIGHT"), new Uri("https://hooks.slack.com/commands/T0/1/abc"));
        using var response = await http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
