using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Fakes;

/// <summary>Discord's official REST client (@discordjs/rest) publishing in the fake's announcement channels.</summary>
public sealed class DiscordCrosspostConformanceTests
{
    [Fact]
    public async Task OfficialClient_Publishes_AndReadsTheFakesErrorsAndItsHourLongLimit()
    {
        var fake = new FakeDiscordRest("conformance-token", new FakeDiscordRestOptions { PublishLimit = 2 });
        await using var server = await FakeServer.StartAsync(fake);
        const string announcement = "1500000000000000001", text = "1500000000000000002", held = "1500000000000000003";
        fake.MakeAnnouncementChannel(announcement);
        fake.MakeAnnouncementChannel(held);
        fake.HoldPublishLimit(held);

        var (code, output, errors) = await NodeConformance.RunAsync(
            "discord-crosspost.mjs",
            [server.BaseUrl.ToString().TrimEnd('/'), "conformance-token", announcement, text, held],
            TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"node exited {code}: {output}\n{errors}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        Assert.Equal([5, 0], result["types"]!.AsArray().Select(t => (int)t!));
        Assert.Equal((string?)result["firstId"], (string?)result["publishedId"]);
        Assert.Equal(1, (int)result["publishedFlags"]!);
        Assert.Equal((40033, 400), ((int)result["again"]!["code"]!, (int)result["again"]!["status"]!));
        Assert.Equal((20022, 400), ((int)result["edit"]!["code"]!, (int)result["edit"]!["status"]!));
        Assert.Equal("This message cannot be edited due to announcement rate limits", (string?)result["edit"]!["message"]);
        Assert.Equal("rateLimit", (string?)result["ahead"]!["kind"]);
        Assert.InRange((double)result["ahead"]!["timeToReset"]!, 3_500_000, 3_601_000);
        Assert.Equal((50024, 400), ((int)result["wrongType"]!["code"]!, (int)result["wrongType"]!["status"]!));
        Assert.Equal((10008, 404), ((int)result["unknown"]!["code"]!, (int)result["unknown"]!["status"]!));
        Assert.Equal("rateLimit", (string?)result["limited"]!["kind"]);
        Assert.InRange((double)result["limited"]!["retryAfter"]!, 3_500_000, 3_601_000);
        Assert.False((bool)result["limited"]!["global"]!);
        Assert.Equal(1, (int)result["statuses"]!["429"]!);
        Assert.Equal(1, fake.PublishRateLimitedCount);
        Assert.Equal([(announcement, (string?)result["firstId"])], fake.Publishes.Select(p => (p.ChannelId, (string?)p.MessageId)));
        Assert.True(fake.MessagesIn(announcement)[0].Crossposted);
        Assert.False(fake.MessagesIn(announcement)[0].Edited);
    }
}
