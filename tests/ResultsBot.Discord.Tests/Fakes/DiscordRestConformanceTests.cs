using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Fakes;

/// <summary>Discord's official REST client (@discordjs/rest) against the fake: it must see Discord as it knows it.</summary>
public sealed class DiscordRestConformanceTests
{
    [Fact]
    public async Task OfficialClient_PostsToThreeChannelsAtOnce_WithoutA429AndEverythingLands()
    {
        var fake = new FakeDiscordRest("conformance-token", new FakeDiscordRestOptions { MessageBucketLimit = 5, MessageBucketWindow = TimeSpan.FromSeconds(1) });
        await using var server = await FakeServer.StartAsync(fake);
        string[] channels = ["1400000000000000001", "1400000000000000002", "1400000000000000003"];

        var (code, output, errors) = await NodeConformance.RunAsync(
            "discord-rest.mjs",
            [server.BaseUrl.ToString().TrimEnd('/'), "conformance-token", string.Join(',', channels), "12"],
            TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"node exited {code}: {output}\n{errors}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        Assert.Equal(36, (int)result["sent"]!);
        Assert.Equal(fake.Options.BotUserId, (string?)result["me"]);
        Assert.True((bool)result["dedupedToFirst"]!);
        Assert.Equal("Correction: Labour hold Council 0", (string?)result["editedTitle"]);
        Assert.Equal((string?)result["firstId"], (string?)result["replyTo"]);
        Assert.Equal(50035, (int)result["invalid"]!["code"]!);
        Assert.Equal(400, (int)result["invalid"]!["status"]!);
        Assert.Null(result["statuses"]!["429"]);
        Assert.Equal(0, fake.RateLimitedCount);
        Assert.All(channels, c => Assert.Equal(12 + (c == channels[0] ? 1 : 0), fake.MessagesIn(c).Count));
        Assert.Equal(
            Enumerable.Range(0, 12).Select(n => $"0001-{n}"),
            fake.MessagesIn(channels[0]).Take(12).Select(m => m.Nonce));
        var newestFirst = fake.MessagesIn(channels[0]).Select(m => m.Id).Reverse().ToList();
        Assert.Equal(newestFirst.Take(12), result["afterFirst"]!.AsArray().Select(id => (string?)id));
        Assert.Equal(newestFirst.Take(5), result["newest"]!.AsArray().Select(id => (string?)id));
        Assert.Equal((string?)result["replyId"], newestFirst[0]);
        Assert.Equal(0, (int)result["fetchedNonces"]!);
    }
}
