using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Fakes;

/// <summary>The fake itself, spoken to with a bare HttpClient: it must behave as Discord's docs say.</summary>
public sealed class FakeDiscordRestTests : IAsyncLifetime
{
    private const string Token = "fake-token";
    private const string Channel = "1500000000000000001";
    private static readonly HttpClient Http = new();
    private FakeDiscordRest _fake = null!;
    private FakeServer _server = null!;

    public async Task InitializeAsync() => await StartAsync(new FakeDiscordRestOptions { MessageBucketWindow = TimeSpan.FromSeconds(30), GlobalLimit = 50 });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Request_WithoutBotToken_Is401()
    {
        using var response = await SendAsync(HttpMethod.Get, "users/@me", null, token: "Bearer " + Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _fake.UnauthorizedCount);
    }

    [Fact]
    public async Task Post_GivesTheMessageWithASnowflakeAndBucketHeaders()
    {
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", """{"content":"hello"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Matches("^[1-9][0-9]{17,19}$", (string?)message["id"]);
        Assert.Equal(Channel, (string?)message["channel_id"]);
        Assert.Equal("5", Header(response, "X-RateLimit-Limit"));
        Assert.Equal("4", Header(response, "X-RateLimit-Remaining"));
        Assert.Equal(FakeDiscordRest.CreateMessageBucket, Header(response, "X-RateLimit-Bucket"));
        Assert.InRange(double.Parse(Header(response, "X-RateLimit-Reset-After")!, System.Globalization.CultureInfo.InvariantCulture), 29, 30);
        Assert.Equal("hello", Assert.Single(_fake.MessagesIn(Channel)).Content);
    }

    [Fact]
    public async Task Post_OverTheChannelBucket_Is429WithRetryAfterAndOtherChannelsStillWork()
    {
        for (var i = 0; i < 5; i++)
        {
            using var ok = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", """{"content":"hi"}""");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", """{"content":"hi"}""");
        using var otherChannel = await SendAsync(HttpMethod.Post, "channels/1500000000000000002/messages", """{"content":"hi"}""");

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        Assert.False((bool)body["global"]!);
        Assert.InRange((double)body["retry_after"]!, 1, 30);
        Assert.Equal("user", Header(limited, "X-RateLimit-Scope"));
        Assert.Equal("0", Header(limited, "X-RateLimit-Remaining"));
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherChannel.StatusCode);
        Assert.Equal(1, _fake.RateLimitedCount);
    }

    [Fact]
    public async Task Requests_OverTheGlobalLimit_Are429Global()
    {
        await DisposeAsync();
        await StartAsync(new FakeDiscordRestOptions { GlobalLimit = 3, GlobalWindow = TimeSpan.FromSeconds(30) });
        for (var i = 0; i < 3; i++)
        {
            using var ok = await SendAsync(HttpMethod.Get, $"channels/150000000000000000{i}", null);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await SendAsync(HttpMethod.Get, "channels/1500000000000000009", null);

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("true", Header(limited, "X-RateLimit-Global"));
        Assert.Equal("global", Header(limited, "X-RateLimit-Scope"));
        Assert.True((bool)JsonNode.Parse(await limited.Content.ReadAsStringAsync())!["global"]!);
    }

    [Fact]
    public async Task Requests_FromSeveralConnectionsWithOneBotToken_ShareTheGlobalLimit()
    {
        await DisposeAsync();
        await StartAsync(new FakeDiscordRestOptions { GlobalLimit = 3, GlobalWindow = TimeSpan.FromSeconds(30) });
        var statuses = new List<HttpStatusCode>();

        // Three instances of one bot, each with its own connection: Discord counts the token, not the connection.
        for (var instance = 0; instance < 3; instance++)
        {
            using var own = new HttpClient(new SocketsHttpHandler());
            for (var i = 0; i < 2; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseUrl, $"/api/v10/channels/15000000000000000{instance}{i}"));
                request.Headers.TryAddWithoutValidation("Authorization", "Bot " + Token);
                using var response = await own.SendAsync(request);
                statuses.Add(response.StatusCode);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429, (HttpStatusCode)429, (HttpStatusCode)429], statuses);
        Assert.Equal(3, _fake.GlobalRateLimitedCount);
    }

    [Fact]
    public async Task Post_BadBody_IsInvalidFormBodyWithTheFieldsPath()
    {
        var title = new string('t', 257);
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", $$"""{"embeds":[{"title":"{{title}}"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(50035, (int)error["code"]!);
        Assert.Equal("Invalid Form Body", (string?)error["message"]);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", (string?)error["errors"]!["embeds"]!["0"]!["title"]!["_errors"]![0]!["code"]);
        Assert.Empty(_fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task Post_EmptyMessage_Is50006()
    {
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", """{"allowed_mentions":{"parse":[]}}""");

        Assert.Equal(50006, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!);
    }

    [Fact]
    public async Task Post_SameNonceWithEnforce_ReturnsTheFirstMessage()
    {
        const string body = """{"content":"once","nonce":"abc","enforce_nonce":true}""";
        using var first = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", body);
        using var second = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", body);
        using var unenforced = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", """{"content":"once","nonce":"abc"}""");

        Assert.Equal(JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!.ToString(), JsonNode.Parse(await second.Content.ReadAsStringAsync())!["id"]!.ToString());
        Assert.Equal(2, _fake.MessagesIn(Channel).Count);
    }

    [Fact]
    public async Task Post_SameNonceAfterTheNonceWindow_IsANewMessage()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 5, 3, 2, 0, 0, TimeSpan.Zero));
        await _server.DisposeAsync();
        await StartAsync(new FakeDiscordRestOptions { Time = time, NonceWindow = TimeSpan.FromMinutes(5) });
        const string body = """{"content":"once","nonce":"abc","enforce_nonce":true}""";
        using var first = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", body);
        time.Advance(TimeSpan.FromMinutes(6));

        using var second = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", body);

        Assert.Equal(2, _fake.MessagesIn(Channel).Count);
    }

    [Fact]
    public async Task GetMessages_NewestFirstWithoutNonces_AndAfterGivesTheOnesJustAfter()
    {
        for (var n = 0; n < 5; n++)
        {
            using var _ = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", $$"""{"content":"m{{n}}","nonce":"n{{n}}","enforce_nonce":true}""");
        }

        var ids = _fake.MessagesIn(Channel).Select(m => m.Id).ToList();
        using var newest = await SendAsync(HttpMethod.Get, $"channels/{Channel}/messages?limit=2", null);
        using var after = await SendAsync(HttpMethod.Get, $"channels/{Channel}/messages?limit=2&after={ids[1]}", null);
        using var tooMany = await SendAsync(HttpMethod.Get, $"channels/{Channel}/messages?limit=101", null);

        var newestPage = JsonNode.Parse(await newest.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal([ids[4], ids[3]], newestPage.Select(m => (string?)m!["id"]));
        Assert.All(newestPage, m => Assert.Null(m!["nonce"]));
        Assert.Equal([ids[3], ids[2]], JsonNode.Parse(await after.Content.ReadAsStringAsync())!.AsArray().Select(m => (string?)m!["id"]));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task GetMessages_WithoutReadMessageHistory_IsAnEmptyPageAndOneMessageIsMissingAccess()
    {
        using var posted = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", """{"content":"hi"}""");
        var id = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["id"]!.ToString();
        _fake.HideHistory(Channel);

        using var page = await SendAsync(HttpMethod.Get, $"channels/{Channel}/messages", null);
        using var one = await SendAsync(HttpMethod.Get, $"channels/{Channel}/messages/{id}", null);
        using var send = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", """{"content":"still works"}""");

        Assert.Equal("[]", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(50001, (int)JsonNode.Parse(await one.Content.ReadAsStringAsync())!["code"]!);
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
    }

    [Fact]
    public async Task Post_ReplyToUnknownMessage_FailsUnlessToldNotTo()
    {
        using var strict = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", """{"content":"re","message_reference":{"message_id":"123"}}""");
        using var lenient = await SendAsync(HttpMethod.Post, $"channels/{Channel}/messages", """{"content":"re","message_reference":{"message_id":"123","fail_if_not_exists":false}}""");

        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lenient.StatusCode);
        Assert.Null(Assert.Single(_fake.MessagesIn(Channel)).ReferencedMessageId);
    }

    [Fact]
    public async Task Patch_UnknownMessage_Is10008()
    {
        using var response = await SendAsync(HttpMethod.Patch, $"channels/{Channel}/messages/123", """{"content":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(10008, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!);
    }

    [Theory]
    [InlineData("""{"content":"ok","embeds":[{"title":"t","fields":[{"name":"a","value":"b","inline":true}],"footer":{"text":"f"},"color":16777215}],"allowed_mentions":{"parse":[]},"nonce":"1234567890","enforce_nonce":true}""", null)]
    [InlineData("""{"content":null,"embeds":null}""", null)]
    [InlineData("""{"embeds":[{"color":16777216}]}""", "embeds.0.color")]
    [InlineData("""{"embeds":[{"fields":[{"name":"a"}]}]}""", "embeds.0.fields.0.value")]
    [InlineData("""{"embeds":[{"fields":[{"name":" ","value":"v"}]}]}""", "embeds.0.fields.0.name")]
    [InlineData("""{"content":5}""", "content")]
    [InlineData("""{"nonce":"12345678901234567890123456","content":"x"}""", "nonce")]
    [InlineData("""{"allowed_mentions":{"parse":["everyone","nobody"]},"content":"x"}""", "allowed_mentions.parse.1")]
    [InlineData("""{"message_reference":{"message_id":"abc"},"content":"x"}""", "message_reference.message_id")]
    [InlineData("""{"tts":"yes","content":"x"}""", "tts")]
    public void ValidateCreate_FollowsTheOpenApiSchema(string json, string? badPath)
    {
        var errors = DiscordMessageSchema.ValidateCreate(JsonNode.Parse(json));

        if (badPath is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => string.Join('.', e.Path) == badPath);
        }
    }

    [Fact]
    public void ValidateCreate_ChecksTheDocsLimitsTheSchemaLacks()
    {
        var content = new JsonObject { ["content"] = new string('x', 2001) };
        var bigEmbeds = new JsonObject
        {
            ["embeds"] = new JsonArray(
                new JsonObject { ["description"] = new string('d', 4000) },
                new JsonObject { ["description"] = new string('d', 2001) }),
        };
        var emoji = new JsonObject { ["content"] = string.Concat(Enumerable.Repeat("😀", 2000)) };

        Assert.Contains(DiscordMessageSchema.ValidateCreate(content), e => e.Path is ["content"]);
        Assert.Contains(DiscordMessageSchema.ValidateCreate(bigEmbeds), e => e.Code == "MAX_EMBED_SIZE_EXCEEDED");
        Assert.Empty(DiscordMessageSchema.ValidateCreate(emoji));
    }

    private async Task StartAsync(FakeDiscordRestOptions options)
    {
        _fake = new FakeDiscordRest(Token, options);
        _server = await FakeServer.StartAsync(_fake);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string token = "Bot " + Token)
    {
        using var request = new HttpRequestMessage(method, new Uri(_server.BaseUrl, "/api/v10/" + path));
        request.Headers.TryAddWithoutValidation("Authorization", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
