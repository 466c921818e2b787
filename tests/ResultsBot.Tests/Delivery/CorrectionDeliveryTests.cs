using System.Net;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// A revision that changes a posted result: on Discord the original embed is edited and a reply points to
/// it; on Slack the original is updated and a note is threaded under it. Also Slack's HTTP slash commands.
/// </summary>
public sealed class CorrectionDeliveryTests
{
    private const string Token = "fake-discord-bot-token";
    private const string ApplicationId = "1234567890";
    private const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_RevisionChangesAResult_OriginalsAreEditedAndTheCorrectionIsPointedTo()
    {
        using var fake = new FakeDiscord(Token, ApplicationId);
        var discord = fake.Rest;
        var slack = new FakeSlackWebApi().AddChannels("C0NEWS");
        await using var server = await FakeServer.StartAsync([.. fake.Parts, slack]);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Bolton_1.xml");
        var port = FreePorts.Next();

        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Path,
            "--Feed:PollInterval=100ms",
            "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
            "--Discord:BotToken=" + Token,
            "--Discord:ApplicationId=" + ApplicationId,
            "--Discord:Channels=111",
            "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
            "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
            "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
            "--Slack:Mode=Http",
            "--Slack:SigningSecret=" + SigningSecret,
            "--Slack:Channels=C0NEWS",
            "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
            $"--urls=http://127.0.0.1:{port}");
        await Waits.UntilAsync(() => discord.MessagesIn("111").Count == 1 && slack.Messages("C0NEWS").Count == 1, bot, Patience, "the first result");
        feed.CopyFeed("Local_Test_result_Bolton_2.xml");
        await Waits.UntilAsync(() => discord.MessagesIn("111").Count == 2 && slack.Replies("C0NEWS", slack.Messages("C0NEWS")[0].Ts).Count >= 1, bot, Patience, "the correction");

        var endpoint = new Uri($"http://127.0.0.1:{port}/slack/commands");
        using var http = new HttpClient();
        var responseUrl = new Uri(server.BaseUrl, "/response/1");
        using var signed = await http.SendAsync(FakeSlackSlashCommandRequest.Create(endpoint, SigningSecret, TimeProvider.System.GetUtcNow(), new FakeSlackSlashCommand("council Bolton"), responseUrl));
        var answer = await signed.Content.ReadAsStringAsync();
        using var stale = await http.SendAsync(FakeSlackSlashCommandRequest.Create(endpoint, SigningSecret, TimeProvider.System.GetUtcNow().AddMinutes(-6), new FakeSlackSlashCommand("council Bolton"), responseUrl));
        using var forged = await http.SendAsync(FakeSlackSlashCommandRequest.Create(endpoint, "not-the-secret", TimeProvider.System.GetUtcNow(), new FakeSlackSlashCommand("council Bolton"), responseUrl));
        using var unsigned = await http.PostAsync(endpoint, new FormUrlEncodedContent([new("command", "/results"), new("text", "help")]));
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var original = discord.MessagesIn("111")[0];
        var reply = discord.MessagesIn("111")[1];
        Assert.NotEmpty(original.EditHistory);
        Assert.StartsWith("Correction", original.Title, StringComparison.Ordinal);
        Assert.Equal(original.Id, reply.ReferencedMessageId);
        var updated = Assert.Single(slack.Messages("C0NEWS"));
        Assert.NotNull(updated.EditedTs);
        Assert.StartsWith("Correction", updated.Blocks![0]!["text"]!["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Contains("Bolton", answer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }
}
