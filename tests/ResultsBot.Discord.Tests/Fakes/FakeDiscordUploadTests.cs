using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Fakes;

/// <summary>
/// The fake's file uploads, spoken to with a bare HttpClient and hand-built multipart bodies: it takes what
/// Discord's "Uploading Files" describes and refuses, with Discord's status and error body, what Discord refuses.
/// </summary>
public sealed class FakeDiscordUploadTests : IAsyncLifetime
{
    private const string Token = "fake-token";
    private const string Channel = "1500000000000000001";
    private static readonly HttpClient Http = new();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private FakeDiscordRest _fake = null!;
    private FakeServer _server = null!;

    public async Task InitializeAsync()
    {
        _fake = new FakeDiscordRest(Token, new FakeDiscordRestOptions { MessageBucketLimit = 2, MessageBucketWindow = TimeSpan.FromSeconds(30) });
        _server = await FakeServer.StartAsync(_fake);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Create_WithAFileItsAltTextAndAnEmbedShowingIt_StoresTheAttachmentAndReturnsIt()
    {
        var payload = """{"embeds":[{"title":"Map","image":{"url":"attachment://map.png"}}],"attachments":[{"id":"0","filename":"map.png","description":"Map of control"}]}""";

        using var response = await PostAsync(Multipart(payload, ("files[0]", "map.png", Png)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var returned = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["attachments"]![0]!;
        Assert.Equal("map.png", (string?)returned["filename"]);
        Assert.Equal("Map of control", (string?)returned["description"]);
        Assert.Equal(Png.Length, (int)returned["size"]!);
        var attachment = Assert.Single(Assert.Single(_fake.MessagesIn(Channel)).Attachments);
        Assert.Equal(("map.png", "Map of control", "image/png", Png.Length), (attachment.FileName, attachment.Description, attachment.ContentType, attachment.Size));
        Assert.Equal(Png, attachment.Bytes);
        Assert.True(attachment.IsPng);
    }

    [Fact]
    public async Task Create_WithAFileAndNoAttachmentsList_TakesTheFileUnderItsOwnName()
    {
        using var response = await PostAsync(Multipart("""{"content":"see the map"}""", ("files[0]", "map.png", Png)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("map.png", Assert.Single(Assert.Single(_fake.MessagesIn(Channel)).Attachments).FileName);
    }

    [Fact]
    public async Task Create_EmbedNamingAFileNotUploaded_Is400NamingTheField()
    {
        var payload = """{"embeds":[{"title":"Map","image":{"url":"attachment://chart.png"}}]}""";

        using var response = await PostAsync(Multipart(payload, ("files[0]", "map.png", Png)));

        var error = await ErrorAsync(response, HttpStatusCode.BadRequest, 50035);
        Assert.Equal("REFERENCED_ATTACHMENT_NOT_FOUND", (string?)error["errors"]!["embeds"]!["0"]!["image"]!["url"]!["_errors"]![0]!["code"]);
        Assert.Empty(_fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task Create_AttachmentIdWithNoSuchFilePart_Is400()
    {
        var payload = """{"content":"x","attachments":[{"id":"1","filename":"map.png"}]}""";

        using var response = await PostAsync(Multipart(payload, ("files[0]", "map.png", Png)));

        var error = await ErrorAsync(response, HttpStatusCode.BadRequest, 50035);
        Assert.NotNull(error["errors"]!["attachments"]!["0"]!["id"]);
        Assert.Empty(_fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task Create_FileOverTheUploadLimit_Is413RequestEntityTooLarge()
    {
        var big = new byte[(10 * 1024 * 1024) + 1];

        using var response = await PostAsync(Multipart("""{"content":"x"}""", ("files[0]", "big.png", big)));

        var error = await ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, 40005);
        Assert.Equal("Request entity too large", (string?)error["message"]);
        Assert.Empty(_fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task Create_AltTextOver1024Characters_Is400()
    {
        var payload = $$"""{"content":"x","attachments":[{"id":"0","description":"{{new string('a', 1025)}}"}]}""";

        using var response = await PostAsync(Multipart(payload, ("files[0]", "map.png", Png)));

        var error = await ErrorAsync(response, HttpStatusCode.BadRequest, 50035);
        Assert.NotNull(error["errors"]!["attachments"]!["0"]!["description"]);
    }

    [Fact]
    public async Task Create_MalformedMultipart_Is400()
    {
        var broken = new ByteArrayContent(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n\r\n{\"content\":\"x\"}\r\n--b"));
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await PostAsync(broken);

        await ErrorAsync(response, HttpStatusCode.BadRequest, 50035);
        Assert.Empty(_fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task Create_ContentOverTheLimitInPayloadJson_Is400AsForAJsonBody()
    {
        using var response = await PostAsync(Multipart($$"""{"content":"{{new string('x', 2001)}}"}""", ("files[0]", "map.png", Png)));

        var error = await ErrorAsync(response, HttpStatusCode.BadRequest, 50035);
        Assert.NotNull(error["errors"]!["content"]);
        Assert.Empty(_fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task Create_PayloadJsonNotJson_Is400InvalidJson()
    {
        using var response = await PostAsync(Multipart("{not json", ("files[0]", "map.png", Png)));

        await ErrorAsync(response, HttpStatusCode.BadRequest, 50109);
    }

    [Fact]
    public async Task Create_Uploads_CountAgainstTheChannelsBucketLikeAnyMessage()
    {
        for (var n = 0; n < 2; n++)
        {
            using var ok = await PostAsync(Multipart("""{"content":"x"}""", ("files[0]", "map.png", Png)));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var third = await PostAsync(Multipart("""{"content":"x"}""", ("files[0]", "map.png", Png)));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(2, _fake.MessagesIn(Channel).Count);
    }

    [Fact]
    public async Task Create_NonceWithEnforceNonceInPayloadJson_ReturnsTheFirstMessage()
    {
        var payload = """{"content":"x","nonce":"77","enforce_nonce":true}""";
        using var first = await PostAsync(Multipart(payload, ("files[0]", "map.png", Png)));
        using var again = await PostAsync(Multipart(payload, ("files[0]", "map.png", Png)));

        Assert.Equal(
            (string?)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"],
            (string?)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["id"]);
        Assert.Single(_fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task Edit_WithAnAttachmentsListOfOnlyTheNewFile_ReplacesTheOldOne()
    {
        using var created = await PostAsync(Multipart("""{"content":"x"}""", ("files[0]", "map.png", Png)));
        var id = (string?)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"];
        byte[] newPng = [.. Png, 9, 9];

        using var edited = await SendAsync(HttpMethod.Patch, $"channels/{Channel}/messages/{id}", Multipart(
            """{"content":"y","attachments":[{"id":"0","filename":"chamber.png","description":"New chamber"}]}""",
            ("files[0]", "chamber.png", newPng)));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var attachment = Assert.Single(Assert.Single(_fake.MessagesIn(Channel)).Attachments);
        Assert.Equal(("chamber.png", "New chamber"), (attachment.FileName, attachment.Description));
        Assert.Equal(newPng, attachment.Bytes);
    }

    [Fact]
    public async Task Edit_FilesWithoutAnAttachmentsList_AreAddedToThoseThere()
    {
        using var created = await PostAsync(Multipart("""{"content":"x"}""", ("files[0]", "map.png", Png)));
        var id = (string?)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"];

        using var edited = await SendAsync(HttpMethod.Patch, $"channels/{Channel}/messages/{id}", Multipart("""{"content":"y"}""", ("files[0]", "chart.png", Png)));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(["map.png", "chart.png"], Assert.Single(_fake.MessagesIn(Channel)).Attachments.Select(a => a.FileName));
    }

    [Fact]
    public async Task Create_ChannelWithoutAttachFiles_Is403ForFilesButTakesText()
    {
        _fake.ForbidAttachments(Channel);

        using var withFile = await PostAsync(Multipart("""{"content":"x"}""", ("files[0]", "map.png", Png)));
        using var textOnly = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", new StringContent("""{"content":"x"}""", Encoding.UTF8, "application/json"));

        await ErrorAsync(withFile, HttpStatusCode.Forbidden, 50013);
        Assert.Equal(HttpStatusCode.OK, textOnly.StatusCode);
    }

    internal static MultipartFormDataContent Multipart(string payloadJson, params (string Name, string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(payloadJson, Encoding.UTF8, "application/json"), "payload_json" },
        };
        foreach (var (name, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, name, fileName);
        }

        return form;
    }

    internal static async Task<JsonNode> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        var error = JsonNode.Parse(text)!;
        Assert.Equal(code, (int)error["code"]!);
        return error;
    }

    private Task<HttpResponseMessage> PostAsync(HttpContent content) => SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", content);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, new Uri(_server.BaseUrl, "/api/v10/" + path)) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + Token);
        return await Http.SendAsync(request);
    }
}
