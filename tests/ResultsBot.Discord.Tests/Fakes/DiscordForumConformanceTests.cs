using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Fakes;

/// <summary>Discord's official REST client (@discordjs/rest) against the fake's forums and threads.</summary>
public sealed class DiscordForumConformanceTests
{
    private const string Forum = "1400000000000000015";

    [Fact]
    public async Task DiscordJsRest_ForumRefusesAMessage_OpensAPostRepliesInItAndFindsItActive()
    {
        var fake = new FakeDiscordRest("conformance-token");
        fake.AddForum(Forum);
        await using var server = await FakeServer.StartAsync(fake);

        var (code, output, errors) = await NodeConformance.RunAsync(
            "discord-forum.mjs",
            [server.BaseUrl.ToString().TrimEnd('/'), "conformance-token", Forum, "1000000000000000001"],
            TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"node exited {code}: {output}\n{errors}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        Assert.Equal((50008, 400, "Cannot send messages in a non-text channel"), ((int)result["refused"]!["code"]!, (int)result["refused"]!["status"]!, (string?)result["refused"]!["message"]));
        Assert.True((bool)result["forumIsForum"]!);
        var thread = Assert.Single(fake.ThreadsIn(Forum));
        Assert.Equal((thread.Id, Forum, thread.Id, thread.Id), ((string?)result["threadId"], (string?)result["threadParent"], (string?)result["starterId"], (string?)result["replyChannel"]));
        Assert.True((bool)result["threadOwnerIsMe"]!);
        Assert.True((bool)result["activeHasThread"]!);
        Assert.Equal(["Results below.", null], fake.MessagesIn(thread.Id).Select(m => m.Content is "" ? null : m.Content));
    }
}
