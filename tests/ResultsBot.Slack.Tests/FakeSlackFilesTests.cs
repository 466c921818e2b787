using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests;

/// <summary>The fake's external upload flow refuses what Slack refuses, so the bot's tests cannot pass on a lenient fake.</summary>
public sealed class FakeSlackFilesTests
{
    [Fact]
    public async Task UploadUrl_BytesOtherThanTheLengthDeclared_Refused()
    {
        await using var rig = await Rig.StartAsync();
        var reserved = await rig.CallAsync("files.getUploadURLExternal", new() { ["filename"] = "map.png", ["length"] = "10" });

        using var wrong = await rig.Http.PostAsync((string)reserved["upload_url"]!, new ByteArrayContent([1, 2, 3]));
        using var right = await rig.Http.PostAsync((string)reserved["upload_url"]!, new ByteArrayContent(new byte[10]));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("OK - 10", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CompleteUpload_FileNeverUploaded_FileNotFound()
    {
        await using var rig = await Rig.StartAsync();
        var reserved = await rig.CallAsync("files.getUploadURLExternal", new() { ["filename"] = "map.png", ["length"] = "3" });

        var complete = await rig.CallAsync("files.completeUploadExternal", new() { ["files"] = $"[{{\"id\":\"{reserved["file_id"]}\"}}]" });

        Assert.Equal("file_not_found", (string?)complete["error"]);
    }

    [Fact]
    public async Task PostMessage_ImageBlockNamingAFileNotCompleted_InvalidSlackFile()
    {
        await using var rig = await Rig.StartAsync();
        var reserved = await rig.CallAsync("files.getUploadURLExternal", new() { ["filename"] = "map.png", ["length"] = "3" });
        using var upload = await rig.Http.PostAsync((string)reserved["upload_url"]!, new ByteArrayContent([1, 2, 3]));
        var blocks = $"[{{\"type\":\"image\",\"slack_file\":{{\"id\":\"{reserved["file_id"]}\"}},\"alt_text\":\"A map\"}}]";

        var posted = await rig.CallAsync("chat.postMessage", new() { ["channel"] = "C1", ["text"] = "x", ["blocks"] = blocks });

        Assert.Equal("invalid_blocks", (string?)posted["error"]);
        Assert.Equal("[ERROR] invalid slack file [json-pointer:/blocks/0/slack_file]", (string?)posted["response_metadata"]!["messages"]![0]);
    }

    [Fact]
    public async Task CompleteUpload_WithChannel_SharesTheFileAsAMessageWithTheComment()
    {
        await using var rig = await Rig.StartAsync();
        var reserved = await rig.CallAsync("files.getUploadURLExternal", new() { ["filename"] = "map.png", ["length"] = "3", ["alt_txt"] = "A map" });
        using var upload = await rig.Http.PostAsync((string)reserved["upload_url"]!, new ByteArrayContent([1, 2, 3]));

        var complete = await rig.CallAsync("files.completeUploadExternal", new() { ["files"] = $"[{{\"id\":\"{reserved["file_id"]}\",\"title\":\"The map\"}}]", ["channel_id"] = "C1", ["initial_comment"] = "Tonight so far" });

        Assert.True((bool?)complete["ok"]);
        var message = Assert.Single(rig.Slack.Messages("C1"));
        Assert.Equal("Tonight so far", message.Text);
        var image = Assert.Single(message.Images);
        Assert.Equal(("The map", "A map"), (image.Name, image.AltText));
        Assert.Equal([1, 2, 3], image.Bytes);
    }

    [Fact]
    public async Task CompleteUpload_WithChannelAndThreadTs_SharesTheFileAsAReply()
    {
        await using var rig = await Rig.StartAsync();
        var parent = rig.Slack.Seed("C1", "Labour gain Thurrock");
        var reserved = await rig.CallAsync("files.getUploadURLExternal", new() { ["filename"] = "chamber.png", ["length"] = "2" });
        using var upload = await rig.Http.PostAsync((string)reserved["upload_url"]!, new ByteArrayContent([7, 7]));

        var complete = await rig.CallAsync("files.completeUploadExternal", new() { ["files"] = $"[{{\"id\":\"{reserved["file_id"]}\"}}]", ["channel_id"] = "C1", ["thread_ts"] = parent });

        Assert.True((bool?)complete["ok"]);
        var reply = Assert.Single(rig.Slack.Replies("C1", parent));
        Assert.Equal("chamber.png", Assert.Single(reply.Images).Name);
        Assert.Equal((string?)reserved["file_id"], Assert.Single(reply.FileIds));
    }

    [Fact]
    public async Task RetiredFilesUpload_MethodDeprecated()
    {
        await using var rig = await Rig.StartAsync();

        var answer = await rig.CallAsync("files.upload", new() { ["channels"] = "C1", ["content"] = "x" });

        Assert.Equal("method_deprecated", (string?)answer["error"]);
    }

    [Fact]
    public async Task GetUploadUrl_WithoutFilesWriteScope_MissingScopeNamingIt()
    {
        var slack = new FakeSlackWebApi().AddChannels("C1");
        slack.Scopes = ["chat:write"];
        await using var rig = await Rig.StartAsync(slack);

        var answer = await rig.CallAsync("files.getUploadURLExternal", new() { ["filename"] = "map.png", ["length"] = "3" });

        Assert.Equal(("missing_scope", "files:write"), ((string?)answer["error"], (string?)answer["needed"]));
    }

    private sealed class Rig : IAsyncDisposable
    {
        private readonly FakeServer _server;

        private Rig(FakeServer server, FakeSlackWebApi slack)
        {
            _server = server;
            Slack = slack;
        }

        public HttpClient Http { get; } = new();

        public FakeSlackWebApi Slack { get; }

        public static async Task<Rig> StartAsync(FakeSlackWebApi? slack = null)
        {
            slack ??= new FakeSlackWebApi().AddChannels("C1");
            return new Rig(await FakeServer.StartAsync(slack), slack);
        }

        public async Task<JsonObject> CallAsync(string method, Dictionary<string, string> fields)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUrl, "/api/" + method)) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Slack.BotToken);
            using var response = await Http.SendAsync(request);
            return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _server.DisposeAsync();
        }
    }
}
