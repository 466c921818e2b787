using System.Net;
using System.Text.Json;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>The running bot's "Share to channel" button, pressed in the fake Slack as a member would, over HTTP and Socket Mode.</summary>
public sealed class SlackShareButtonTests
{
    private const string SigningSecret = "e2e-signing-secret-0123456789";
    private const string Headline = "Reform UK gain Thurrock from Labour";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_HttpMode_SharePressedUnderAPrivateAnswer_PostsItForTheChannelAndAForgedPressIsRefused()
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
        using var http = new HttpClient();
        var now = TimeProvider.System.GetUtcNow();
        using var command = await http.SendAsync(FakeSlackSlashCommandRequest.Create(new Uri($"http://127.0.0.1:{port}/slack/commands"), SigningSecret, now, new FakeSlackSlashCommand("council Thurrock", UserId: "U0ASKER", ChannelId: "C0ELSEWHERE"), urls.Create(server.BaseUrl)));
        using var answer = JsonDocument.Parse(await command.Content.ReadAsStringAsync());
        var interactivity = new Uri($"http://127.0.0.1:{port}/slack/interactivity");
        var responseUrl = urls.Create(server.BaseUrl);
        var press = FakeSlackBlockActions.Press(answer.RootElement, "Share to channel", responseUrl, userId: "U0PRESSER", channelId: "C0ELSEWHERE");
        var forgedUrl = urls.Create(server.BaseUrl);
        using var forged = await http.SendAsync(FakeSlackBlockActions.SignedRequest(interactivity, "not-the-secret", now, FakeSlackBlockActions.Press(answer.RootElement, "Share to channel", forgedUrl)));
        using var pressed = await http.SendAsync(FakeSlackBlockActions.SignedRequest(interactivity, SigningSecret, now, press));
        var posts = await urls.WaitForPostsAsync(responseUrl, 2, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal("ephemeral", answer.RootElement.GetProperty("response_type").GetString());
        Assert.StartsWith(Headline + "\n", answer.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("in_channel", posts[0].GetProperty("response_type").GetString());
        Assert.Equal(answer.RootElement.GetProperty("text").GetString(), posts[0].GetProperty("text").GetString());
        Assert.True(posts[1].GetProperty("delete_original").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(urls.Posted(forgedUrl));
        Assert.Single(slack.Messages("C0NEWS"));
    }

    [Fact]
    public async Task Run_SocketMode_SharePressedUnderAPrivateAnswer_PostsItForTheChannelOnce()
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
        var ask = socket.InjectSlashCommand(new FakeSlackSlashCommand("council Thurrock", ChannelId: "C0NEWS"));
        var answer = (await ask.Acked.WaitAsync(Patience)).Payload!.Value;
        var responseUrl = socket.NewResponseUrl();
        var envelope = socket.InjectInteractive(FakeSlackBlockActions.Press(answer, "Share to channel", responseUrl, channelId: "C0NEWS"));
        var ack = await envelope.Acked.WaitAsync(Patience);
        var posts = await socket.ResponseUrls.WaitForPostsAsync(responseUrl, 2, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Null(ack.Payload);
        Assert.Equal(1, envelope.Deliveries);
        Assert.Equal("ephemeral", answer.GetProperty("response_type").GetString());
        Assert.StartsWith(Headline + "\n", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("in_channel", posts[0].GetProperty("response_type").GetString());
        Assert.Equal(answer.GetProperty("text").GetString(), posts[0].GetProperty("text").GetString());
        Assert.True(posts[1].GetProperty("delete_original").GetBoolean());
        Assert.Empty(socket.Problems);
    }
}
