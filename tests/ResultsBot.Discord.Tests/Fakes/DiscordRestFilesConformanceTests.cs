using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Fakes;

/// <summary>Discord's official REST client (@discordjs/rest) uploading files to the fake: multipart as Discord reads it.</summary>
public sealed class DiscordRestFilesConformanceTests
{
    [Fact]
    public async Task OfficialClient_UploadsPicturesWithAltTextToMessagesEditsAndAnInteraction_AndSeesDiscordsRefusals()
    {
        const string token = "conformance-token";
        const string channel = "1400000000000000001";
        var rest = new FakeDiscordRest(token);
        // The interaction's 3 s answer window is the fake's, not what this checks: starting node on a busy machine can
        // take longer, so the fake's clock stands still here.
        var interactions = new FakeDiscordInteractions(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch)) { BotToken = token, ApplicationId = "1400000000000000999" };
        await using var server = await FakeServer.StartAsync(rest, interactions);
        var map = interactions.SlashCommand("map");

        var (code, output, errors) = await NodeConformance.RunAsync(
            "discord-rest-files.mjs",
            [server.BaseUrl.ToString().TrimEnd('/'), token, channel, interactions.ApplicationId, map.Id, map.Token],
            TimeSpan.FromMinutes(2));

        Assert.True(code == 0, $"node exited {code}: {output}\n{errors}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        Assert.True((bool)result["dedupedToFirst"]!);
        Assert.Equal(
            """[{"filename":"map.png","description":"Map of council control: Labour 7, Conservatives 3","size":3008,"content_type":"image/png"}]""",
            result["sentAttachments"]!.ToJsonString());
        Assert.Equal("""[{"filename":"chamber.png","description":"Thurrock\u0027s new council of 49 seats","size":2008}]""", result["editedAttachments"]!.ToJsonString());
        Assert.Equal("attachment://chamber.png", (string?)result["editedImage"]);
        Assert.Equal("""["chart.png"]""", result["followUpAttachments"]!.ToJsonString());
        Assert.Equal("""["map.png"]""", result["originalEditAttachments"]!.ToJsonString());
        Assert.Equal(50035, (int)result["missingFile"]!["code"]!);
        Assert.Equal(400, (int)result["missingFile"]!["status"]!);
        Assert.Equal(40005, (int)result["tooBig"]!["code"]!);
        Assert.Equal(413, (int)result["tooBig"]!["status"]!);

        var message = Assert.Single(rest.MessagesIn(channel));
        var picture = Assert.Single(message.Attachments);
        Assert.Equal(("chamber.png", "Thurrock's new council of 49 seats", "image/png", 2008), (picture.FileName, picture.Description, picture.ContentType, picture.Size));
        Assert.True(picture.IsPng);
        var callback = await map.Callback;
        Assert.Equal("12 of 107 councils declared", callback.Content);
        Assert.Equal(("map.png", "Map of council control", 3008), (callback.Attachments[0].FileName, callback.Attachments[0].Description, callback.Attachments[0].Size));
        Assert.Equal("Map of council control, updated", Assert.Single(map.OriginalAttachments).Description);
        Assert.Equal("Net change by party", Assert.Single(Assert.Single(map.FollowUpAttachments)).Description);
    }
}
