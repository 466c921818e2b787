using System.Text.Json;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Platforms;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Tests;

/// <summary>/map, /chamber and /chart on Slack: the text answers at once, the picture follows at response_url, uploaded with alt text.</summary>
public sealed class SlashCommandPictureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly PostImage Map = new("map.png", [1, 2, 3, 4, 5, 6], "A hex map of council control: Labour 50, Conservative 20, no overall control 10.");

    private static FakeBotCommands MapCommands() => new(_ => Task.FromResult(new CommandAnswer("Council control tonight: 80 of 107 councils declared.") { Picture = new PictureRequest(PictureKind.Map) })) { Picture = Map };

    [Fact]
    public async Task MapOverHttp_TextAnsweredDirectly_ThenThePictureAtResponseUrlWithAltText()
    {
        var slack = new FakeSlackWebApi("xoxb-test").AddChannels("C0FAKECHAN");
        var urls = new FakeSlackResponseUrls { Files = slack };
        await using var server = await FakeServer.StartAsync(slack, urls);
        using var http = new HttpClient();
        var options = TestOptions.For(server.BaseUrl);
        var webApi = new SlackWebApiClient(http, options, TimeProvider.System, new RecordingMonitor());
        await using var bot = await SlackCommandEndpointHost.StartAsync(MapCommands(), TimeProvider.System, null, webApi);
        var responseUrl = urls.Create(server.BaseUrl);

        using var request = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, TimeProvider.System.GetUtcNow(), new FakeSlackSlashCommand("map"), responseUrl);
        using var response = await http.SendAsync(request);

        using var direct = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Council control tonight: 80 of 107 councils declared.", direct.RootElement.GetProperty("text").GetString());
        var picture = Assert.Single(await urls.WaitForPostsAsync(responseUrl, 1, Patience));
        AssertPicture(picture, "ephemeral", slack);
    }

    [Fact]
    public async Task MapOverSocketMode_AckCarriesTheText_ThenThePictureAtResponseUrl()
    {
        var slack = new FakeSlackWebApi("xoxb-test").AddChannels("C0FAKECHAN");
        await using var bot = await SocketModeHarness.StartWithWebApiAsync(MapCommands(), slack);
        await bot.Slack.WaitForConnectionsAsync(1);

        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("post map"));
        var ack = await envelope.Acked.WaitAsync(Patience);

        Assert.Equal("Council control tonight: 80 of 107 councils declared.", ack.Payload!.Value.GetProperty("text").GetString());
        var picture = Assert.Single(await bot.Slack.ResponseUrls.WaitForPostsAsync(envelope.ResponseUrl!, 1, Patience));
        AssertPicture(picture, "in_channel", slack);
    }

    [Fact]
    public async Task MapOverSocketMode_AckCannotCarryIt_TextThenPictureInThatOrder()
    {
        var slack = new FakeSlackWebApi("xoxb-test").AddChannels("C0FAKECHAN");
        await using var bot = await SocketModeHarness.StartWithWebApiAsync(MapCommands(), slack);
        await bot.Slack.WaitForConnectionsAsync(1);

        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("map"), acceptsResponsePayload: false);

        var posts = await bot.Slack.ResponseUrls.WaitForPostsAsync(envelope.ResponseUrl!, 2, Patience);
        Assert.Equal("Council control tonight: 80 of 107 councils declared.", posts[0].GetProperty("text").GetString());
        AssertPicture(posts[1], "ephemeral", slack);
    }

    [Fact]
    public async Task Map_FileStillProcessingAtFirst_PictureArrivesOnALaterTry()
    {
        var slack = new FakeSlackWebApi("xoxb-test").AddChannels("C0FAKECHAN");
        slack.FilesProcessingFor = 2;
        await using var bot = await SocketModeHarness.StartWithWebApiAsync(MapCommands(), slack);
        await bot.Slack.WaitForConnectionsAsync(1);

        var envelope = bot.Slack.InjectSlashCommand(new FakeSlackSlashCommand("map"));

        var picture = Assert.Single(await bot.Slack.ResponseUrls.WaitForPostsAsync(envelope.ResponseUrl!, 1, Patience));
        AssertPicture(picture, "ephemeral", slack);
    }

    private static void AssertPicture(JsonElement picture, string responseType, FakeSlackWebApi slack)
    {
        Assert.Equal(responseType, picture.GetProperty("response_type").GetString());
        var block = Assert.Single(picture.GetProperty("blocks").EnumerateArray());
        Assert.Equal("image", block.GetProperty("type").GetString());
        Assert.Equal(Map.AltText, block.GetProperty("alt_text").GetString());
        var file = Assert.Single(slack.CompletedFiles);
        Assert.Equal(file.FileId, block.GetProperty("slack_file").GetProperty("id").GetString());
        Assert.Equal(("map.png", Map.AltText), (file.Name, file.AltText));
        Assert.Equal(Map.Png, file.Bytes);
    }
}
