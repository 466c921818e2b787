using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests.Buttons;

/// <summary>
/// The fake takes buttons as Slack documents them (Block Kit's actions block and button element), and its response_url
/// does what Slack's docs say of replace_original, delete_original and response_type: a lenient fake would let the
/// bot's button tests pass on messages Slack refuses.
/// </summary>
public sealed class FakeSlackButtonsTests
{
    [Theory]
    [InlineData("""{"type":"button","text":{"type":"plain_text","text":"Full result"},"action_id":"full_result","value":"VALUE2001"}""", "[ERROR] must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]")]
    [InlineData("""{"type":"button","text":{"type":"plain_text","text":"Full result"},"action_id":"ID256","value":"council/thurrock"}""", "[ERROR] must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]")]
    [InlineData("""{"type":"button","text":{"type":"plain_text","text":"TEXT76"},"action_id":"full_result","value":"council/thurrock"}""", "[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]")]
    [InlineData("""{"type":"button","text":{"type":"mrkdwn","text":"*Full*"},"action_id":"full_result","value":"council/thurrock"}""", "[ERROR] must be plain_text [json-pointer:/blocks/0/elements/0/text/type]")]
    public async Task PostMessage_ButtonBeyondBlockKitsLimits_InvalidBlocks(string button, string error)
    {
        await using var server = await FakeServer.StartAsync(new FakeSlackWebApi().AddChannels("C1"));
        var element = button.Replace("VALUE2001", new string('v', 2001), StringComparison.Ordinal)
            .Replace("ID256", new string('i', 256), StringComparison.Ordinal).Replace("TEXT76", new string('t', 76), StringComparison.Ordinal);

        var posted = await PostAsync(server, "[{\"type\":\"actions\",\"elements\":[" + element + "]}]");

        Assert.Equal("invalid_blocks", (string?)posted["error"]);
        Assert.Equal(error, (string?)posted["response_metadata"]!["messages"]![0]);
    }

    [Fact]
    public async Task PostMessage_ActionsBlockOf26Buttons_InvalidBlocks()
    {
        await using var server = await FakeServer.StartAsync(new FakeSlackWebApi().AddChannels("C1"));
        var buttons = string.Join(',', Enumerable.Range(1, 26).Select(i => $$"""{"type":"button","text":{"type":"plain_text","text":"B{{i}}"},"action_id":"b{{i}}"}"""));

        var posted = await PostAsync(server, "[{\"type\":\"actions\",\"elements\":[" + buttons + "]}]");

        Assert.Equal("[ERROR] no more than 25 items allowed [json-pointer:/blocks/0/elements]", (string?)posted["response_metadata"]!["messages"]![0]);
    }

    [Fact]
    public async Task PostMessage_TwoButtonsWithOneActionId_InvalidBlocks()
    {
        await using var server = await FakeServer.StartAsync(new FakeSlackWebApi().AddChannels("C1"));
        const string Button = """{"type":"button","text":{"type":"plain_text","text":"Next"},"action_id":"page_next","value":"2:/declared"}""";

        var posted = await PostAsync(server, "[{\"type\":\"actions\",\"elements\":[" + Button + "," + Button + "]}]");

        Assert.Equal("[ERROR] action_id already exists [json-pointer:/blocks]", (string?)posted["response_metadata"]!["messages"]![0]);
    }

    [Fact]
    public async Task ResponseUrl_ReplaceOriginal_PutsTheBodyInPlaceOfThePressedMessageWhichStaysPrivate()
    {
        var urls = new FakeSlackResponseUrls();
        await using var server = await FakeServer.StartAsync(urls);
        using var pressedOn = JsonDocument.Parse("""{"text":"page 1","blocks":[]}""");
        var url = urls.CreateForPress(server.BaseUrl, pressedOn.RootElement, ephemeral: true);
        using var http = new HttpClient();

        using var replaced = await http.PostAsJsonAsync(url, new { response_type = "in_channel", replace_original = true, text = "page 2" });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("page 2", urls.Original(url)!.Text);
        Assert.True(urls.Original(url)!.Ephemeral);
        Assert.Empty(urls.Sent(url));
    }

    [Fact]
    public async Task ResponseUrl_WithoutReplaceOriginal_IsANewMessageEphemeralUnlessInChannelAndThePressedOneStays()
    {
        var urls = new FakeSlackResponseUrls();
        await using var server = await FakeServer.StartAsync(urls);
        using var pressedOn = JsonDocument.Parse("""{"text":"Reform UK gain Thurrock from Labour","blocks":[]}""");
        var url = urls.CreateForPress(server.BaseUrl, pressedOn.RootElement, ephemeral: false);
        using var http = new HttpClient();

        using var first = await http.PostAsJsonAsync(url, new { text = "private", replace_original = false });
        using var second = await http.PostAsJsonAsync(url, new { text = "for everyone", response_type = "in_channel" });

        Assert.Equal([("private", true), ("for everyone", false)], urls.Sent(url).Select(m => (m.Text, m.Ephemeral)));
        Assert.Equal("Reform UK gain Thurrock from Labour", urls.Original(url)!.Text);
        Assert.False(urls.Original(url)!.Ephemeral);
    }

    [Fact]
    public async Task ResponseUrl_DeleteOriginal_RemovesThePressedMessage()
    {
        var urls = new FakeSlackResponseUrls();
        await using var server = await FakeServer.StartAsync(urls);
        using var pressedOn = JsonDocument.Parse("""{"text":"private answer","blocks":[]}""");
        var url = urls.CreateForPress(server.BaseUrl, pressedOn.RootElement, ephemeral: true);
        using var http = new HttpClient();

        using var deleted = await http.PostAsJsonAsync(url, new { delete_original = true });

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Null(urls.Original(url));
        Assert.Empty(urls.Sent(url));
    }

    [Fact]
    public async Task PressOnPost_CarriesTheMessageAndAChannelContainer()
    {
        var slack = new FakeSlackWebApi().AddChannels("C1");
        await using var server = await FakeServer.StartAsync(slack);
        const string Button = """{"type":"button","text":{"type":"plain_text","text":"Full result"},"action_id":"full_result","value":"council/thurrock"}""";
        var posted = await PostAsync(server, "[{\"type\":\"actions\",\"elements\":[" + Button + "]}]", slack.BotToken);
        var post = Assert.Single(slack.Messages("C1"));

        var press = FakeSlackBlockActions.PressOnPost(post, "Full result", new Uri(server.BaseUrl, "/response/x"), userId: "U0P", teamId: "T0TEAM");

        Assert.True((bool)posted["ok"]!);
        Assert.Equal("block_actions", (string?)press["type"]);
        Assert.Equal(post.Ts, (string?)press["container"]!["message_ts"]);
        Assert.False((bool)press["container"]!["is_ephemeral"]!);
        Assert.Equal("C1", (string?)press["channel"]!["id"]);
        Assert.Equal("T0TEAM", (string?)press["team"]!["id"]);
        Assert.Equal(post.Ts, (string?)press["message"]!["ts"]);
        Assert.Equal("full_result", (string?)press["actions"]![0]!["action_id"]);
        Assert.Equal("council/thurrock", (string?)press["actions"]![0]!["value"]);
        Assert.Throws<InvalidOperationException>(() => FakeSlackBlockActions.PressOnPost(post, "Vote now", new Uri(server.BaseUrl, "/response/x")));
    }

    private static async Task<JsonObject> PostAsync(FakeServer server, string blocks, string token = FakeSlackWebApi.DefaultToken)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "/api/chat.postMessage"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = "C1", ["text"] = "x", ["blocks"] = blocks }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
