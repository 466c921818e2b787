using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Fakes;

/// <summary>The fake's threads and forums, spoken to with a bare HttpClient: they must behave as Discord's docs say.</summary>
public sealed class FakeDiscordThreadTests : IAsyncLifetime
{
    private const string Token = "fake-token";
    private const string Forum = "1500000000000000015";
    private const string Text = "1500000000000000001";
    private const string Thread = "1500000000000000111";
    private static readonly HttpClient Http = new();
    private FakeDiscordRest _fake = null!;
    private FakeServer _server = null!;

    public async Task InitializeAsync()
    {
        _fake = new FakeDiscordRest(Token, new FakeDiscordRestOptions { MessageBucketWindow = TimeSpan.FromSeconds(30), MessageBucketLimit = 50 });
        _fake.AddForum(Forum);
        _fake.AddThread(Text, Thread);
        _server = await FakeServer.StartAsync(_fake);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PostMessage_InAForum_Is400CannotSendMessagesInANonTextChannel()
    {
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Forum}/messages", """{"content":"hello"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((50008, "Cannot send messages in a non-text channel"), ((int)error["code"]!, (string?)error["message"]));
        Assert.Empty(_fake.MessagesIn(Forum));
    }

    [Fact]
    public async Task StartThread_InAForum_OpensAThreadWhoseStarterMessageSharesItsId()
    {
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Forum}/threads", """{"name":"Local elections 2024: results","message":{"content":"Results below."}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var thread = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((11, Forum, "Local elections 2024: results"), ((int)thread["type"]!, (string?)thread["parent_id"], (string?)thread["name"]));
        Assert.Equal((string?)thread["id"], (string?)thread["message"]!["id"]);
        Assert.Equal("Results below.", Assert.Single(_fake.MessagesIn((string)thread["id"]!)).Content);
        Assert.Equal("Local elections 2024: results", Assert.Single(_fake.ThreadsIn(Forum)).Name);
    }

    [Fact]
    public async Task StartThread_TitleOver100CharactersOrNoMessage_Is400InvalidFormBody()
    {
        var name = new string('x', 101);
        using var tooLong = await SendAsync(HttpMethod.Post, $"channels/{Forum}/threads", "{\"name\":\"" + name + "\",\"message\":{\"content\":\"x\"}}");
        using var noMessage = await SendAsync(HttpMethod.Post, $"channels/{Forum}/threads", """{"name":"Results"}""");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("\"name\"", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noMessage.StatusCode);
        Assert.Contains("\"message\"", await noMessage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_fake.ThreadsIn(Forum));
    }

    [Fact]
    public async Task StartThread_InATextChannel_Is400WrongChannelType()
    {
        using var response = await SendAsync(HttpMethod.Post, $"channels/{Text}/threads", """{"name":"Results","message":{"content":"x"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50024, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!);
    }

    [Fact]
    public async Task ActiveAndArchivedThreads_ListWhatIsOpenAndWhatWasArchived()
    {
        using var opened = await SendAsync(HttpMethod.Post, $"channels/{Forum}/threads", """{"name":"Results","message":{"content":"x"}}""");
        var id = (string)JsonNode.Parse(await opened.Content.ReadAsStringAsync())!["id"]!;

        var active = await JsonAsync($"guilds/1000000000000000001/threads/active");
        Assert.Contains(active["threads"]!.AsArray(), t => (string?)t!["id"] == id);

        _fake.ArchiveThread(id);
        var activeAfter = await JsonAsync($"guilds/1000000000000000001/threads/active");
        var archived = await JsonAsync($"channels/{Forum}/threads/archived/public");
        Assert.DoesNotContain(activeAfter["threads"]!.AsArray(), t => (string?)t!["id"] == id);
        Assert.Equal(id, (string?)Assert.Single(archived["threads"]!.AsArray())!["id"]);
        Assert.True((bool)archived["threads"]![0]!["thread_metadata"]!["archived"]!);
    }

    [Fact]
    public async Task ArchivedThread_ANewMessageUnarchivesIt_ButAnEditIsRefusedWhileArchived()
    {
        using var first = await SendAsync(HttpMethod.Post, $"channels/{Thread}/messages", """{"content":"one"}""");
        var firstId = (string)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!;
        _fake.ArchiveThread(Thread);

        using var edit = await SendAsync(HttpMethod.Patch, $"channels/{Thread}/messages/{firstId}", """{"content":"uno"}""");
        using var second = await SendAsync(HttpMethod.Post, $"channels/{Thread}/messages", """{"content":"two"}""");

        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Equal(50083, (int)JsonNode.Parse(await edit.Content.ReadAsStringAsync())!["code"]!);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(Assert.Single(_fake.ThreadsIn(Text)).Archived);
    }

    [Fact]
    public async Task LockedArchivedThread_RefusesANewMessage()
    {
        _fake.ArchiveThread(Thread, locked: true);

        using var response = await SendAsync(HttpMethod.Post, $"channels/{Thread}/messages", """{"content":"two"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(160005, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!);
        Assert.Empty(_fake.MessagesIn(Thread));
    }

    [Fact]
    public async Task ModifyThread_UnarchivingAnUnlockedThreadIsAllowed_ALockedOneNeedsAModerator()
    {
        _fake.ArchiveThread(Thread);
        using var unarchived = await SendAsync(HttpMethod.Patch, $"channels/{Thread}", """{"archived":false}""");
        _fake.ArchiveThread(Thread, locked: true);
        using var locked = await SendAsync(HttpMethod.Patch, $"channels/{Thread}", """{"archived":false}""");

        Assert.Equal(HttpStatusCode.OK, unarchived.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        Assert.Equal(50013, (int)JsonNode.Parse(await locked.Content.ReadAsStringAsync())!["code"]!);
        Assert.True(Assert.Single(_fake.ThreadsIn(Text)).Archived);
    }

    [Fact]
    public async Task GetChannel_SaysWhichIsAForumAThreadAndATextChannel()
    {
        var forum = await JsonAsync($"channels/{Forum}");
        var thread = await JsonAsync($"channels/{Thread}");
        var text = await JsonAsync($"channels/{Text}");

        Assert.Equal(15, (int)forum["type"]!);
        Assert.Equal((11, Text), ((int)thread["type"]!, (string?)thread["parent_id"]));
        Assert.Equal(0, (int)text["type"]!);
    }

    private async Task<JsonNode> JsonAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, new Uri(_server.BaseUrl, "/api/v10/" + path));
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }
}
