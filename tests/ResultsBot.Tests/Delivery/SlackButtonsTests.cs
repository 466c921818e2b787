using System.Net;
using System.Text.Json;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The running bot's Slack buttons, pressed in the fake Slack as a member would: "Full result" under a declaration post
/// (HTTP and Socket Mode), and Previous/Next under a long private answer.
/// </summary>
public sealed class SlackButtonsTests
{
    private const string SigningSecret = "e2e-signing-secret-0123456789";
    private const string Headline = "Reform UK gain Thurrock from Labour";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_HttpMode_FullResultPressedUnderAPost_AnswersThePresserAloneAndAForgedPressIsRefused()
    {
        var slack = new FakeSlackWebApi().AddChannels("C0NEWS");
        var urls = new FakeSlackResponseUrls();
        await using var server = await FakeServer.StartAsync(slack, urls);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        var port = FreePorts.Next();

        using var bot = BotProcess.Start(work.Path, [.. SlackBotArguments.Http(server, feed, work, SigningSecret, port), "--Slack:Channels=C0NEWS"]);
        await Waits.UntilAsync(() => slack.Messages("C0NEWS").Count == 1 && bot.Stderr.Contains("Web server listening", StringComparison.Ordinal), bot, Patience, "the first result");
        var post = slack.Messages("C0NEWS")[0];
        var interactivity = new Uri($"http://127.0.0.1:{port}/slack/interactivity");
        var responseUrl = urls.CreateForPress(server.BaseUrl, post);
        var forgedUrl = urls.CreateForPress(server.BaseUrl, post);
        using var http = new HttpClient();
        var now = TimeProvider.System.GetUtcNow();
        using var forged = await http.SendAsync(FakeSlackBlockActions.SignedRequest(interactivity, "not-the-secret", now, FakeSlackBlockActions.PressOnPost(post, "Full result", forgedUrl)));
        using var pressed = await http.SendAsync(FakeSlackBlockActions.SignedRequest(interactivity, SigningSecret, now, FakeSlackBlockActions.PressOnPost(post, "Full result", responseUrl, userId: "U0READER")));
        var answer = Assert.Single(await urls.WaitForPostsAsync(responseUrl, 1, Patience));
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var button = FullResultButton(post);
        Assert.Equal(("Full result", "full_result", "council/thurrock"), button);
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.False(answer.GetProperty("replace_original").GetBoolean());
        Assert.Equal(Headline, answer.GetProperty("text").GetString()!.Split('\n')[0]);
        Assert.True(Assert.Single(urls.Sent(responseUrl)).Ephemeral);
        Assert.NotNull(urls.Original(responseUrl));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(urls.Posted(forgedUrl));
        Assert.Single(slack.Messages("C0NEWS"));
    }

    [Fact]
    public async Task Run_SocketMode_FullResultPressedUnderAPost_AnswersThePresserAloneOnce()
    {
        var slack = new FakeSlackWebApi().AddChannels("C0NEWS");
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack, socket);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");

        using var bot = BotProcess.Start(work.Path, [.. SlackBotArguments.SocketMode(server, feed, work, socket), "--Slack:Channels=C0NEWS"]);
        await socket.WaitForConnectionsAsync(1, Patience);
        await Waits.UntilAsync(() => slack.Messages("C0NEWS").Count == 1, bot, Patience, "the first result");
        var post = slack.Messages("C0NEWS")[0];
        var responseUrl = socket.ResponseUrls.CreateForPress(server.BaseUrl, post);
        var envelope = socket.InjectInteractive(FakeSlackBlockActions.PressOnPost(post, "Full result", responseUrl, userId: "U0READER"));
        var ack = await envelope.Acked.WaitAsync(Patience);
        var answer = Assert.Single(await socket.ResponseUrls.WaitForPostsAsync(responseUrl, 1, Patience));
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Null(ack.Payload);
        Assert.Equal(1, envelope.Deliveries);
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.Equal(Headline, answer.GetProperty("text").GetString()!.Split('\n')[0]);
        Assert.Single(socket.ResponseUrls.Posted(responseUrl));
        Assert.Empty(socket.Problems);
        Assert.Single(slack.Messages("C0NEWS"));
    }

    [Fact]
    public async Task Run_HttpMode_LongPrivateAnswerMovesToPageTwoAndBack()
    {
        var slack = new FakeSlackWebApi();
        var urls = new FakeSlackResponseUrls();
        await using var server = await FakeServer.StartAsync(slack, urls);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        SampleNight.CopyInto(feed);
        var port = FreePorts.Next();

        using var bot = BotProcess.Start(work.Path, SlackBotArguments.Http(server, feed, work, SigningSecret, port));
        await Waits.UntilAsync(() => bot.Stderr.Contains("Web server listening", StringComparison.Ordinal), bot, Patience, "the web server");
        using var http = new HttpClient();
        JsonElement first;
        using var deadline = new CancellationTokenSource(Patience);
        do
        {
            Assert.False(deadline.IsCancellationRequested, "the bot had not read the whole sample night in time");
            // Until the whole night has been read: then /declared all runs to several pages.
            first = await AskAsync(http, port, urls, server, "declared all");
        }
        while (!Buttons(first).Contains("Next") || !first.GetProperty("text").GetString()!.Contains("107 of 107", StringComparison.Ordinal));

        var toPage2 = urls.CreateForPress(server.BaseUrl, first, ephemeral: true);
        await PressAsync(http, port, FakeSlackBlockActions.Press(first, "Next", toPage2, userId: "U0READER", channelId: "C0READ"));
        await urls.WaitForPostsAsync(toPage2, 1, Patience);
        var page2 = urls.Original(toPage2)!;
        var toPage1 = urls.CreateForPress(server.BaseUrl, page2.Body, ephemeral: true);
        await PressAsync(http, port, FakeSlackBlockActions.Press(page2.Body, "Previous", toPage1, userId: "U0READER", channelId: "C0READ"));
        await urls.WaitForPostsAsync(toPage1, 1, Patience);
        var page1 = urls.Original(toPage1)!;
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(["Next", "Share to channel"], Buttons(first));
        Assert.True(page2.Ephemeral);
        // /declared all for the night is two pages on Slack (a page holds about 3,000 characters): page 2 is the last.
        Assert.Equal("Page 1 of 2", PageLine(first));
        Assert.Equal(["Previous", "Share to channel"], page2.Buttons);
        Assert.Equal("Page 2 of 2", PageLine(page2.Body));
        Assert.NotEqual(first.GetProperty("text").GetString(), page2.Text);
        Assert.Empty(urls.Sent(toPage2));
        Assert.True(page1.Ephemeral);
        Assert.Equal("Page 1 of 2", PageLine(page1.Body));
        Assert.Equal(first.GetProperty("text").GetString(), page1.Text);
    }

    /// <summary>The answer to /results TEXT: in the HTTP response when ready within Slack's window, else at the command's response_url.</summary>
    private static async Task<JsonElement> AskAsync(HttpClient http, int port, FakeSlackResponseUrls urls, FakeServer server, string text)
    {
        var responseUrl = urls.Create(server.BaseUrl);
        using var command = await http.SendAsync(FakeSlackSlashCommandRequest.Create(new Uri($"http://127.0.0.1:{port}/slack/commands"), SigningSecret, TimeProvider.System.GetUtcNow(), new FakeSlackSlashCommand(text, UserId: "U0READER", ChannelId: "C0READ"), responseUrl));
        var body = await command.Content.ReadAsStringAsync();
        if (body.Length > 0)
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }

        return (await urls.WaitForPostsAsync(responseUrl, 1, Patience))[0];
    }

    private static async Task PressAsync(HttpClient http, int port, System.Text.Json.Nodes.JsonObject press)
    {
        using var pressed = await http.SendAsync(FakeSlackBlockActions.SignedRequest(new Uri($"http://127.0.0.1:{port}/slack/interactivity"), SigningSecret, TimeProvider.System.GetUtcNow(), press));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
    }

    private static (string?, string?, string?) FullResultButton(FakeSlackMessage post)
    {
        var actions = post.Blocks!.Last(b => (string?)b!["type"] == "actions")!;
        var button = Assert.Single(actions["elements"]!.AsArray())!;
        return ((string?)button["text"]!["text"], (string?)button["action_id"], (string?)button["value"]);
    }

    private static IReadOnlyList<string> Buttons(JsonElement message) => new FakeSlackShownMessage(message, Ephemeral: true).Buttons;

    private static string PageLine(JsonElement message) =>
        message.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "context").GetProperty("elements")[0].GetProperty("text").GetString()!;
}
