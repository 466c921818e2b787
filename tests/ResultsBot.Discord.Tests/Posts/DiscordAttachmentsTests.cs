using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Tests.Posts;

public sealed class DiscordAttachmentsTests
{
    [Fact]
    public void From_NamesDiscordWouldChange_AreMadeSafeSoAttachmentLinksStillFindThem()
    {
        // Discord turns spaces and underscores in uploaded names into something else; attachment:// would then miss.
        var pictures = DiscordAttachments.From([SamplePictures.Map() with { FileName = "night map_1.png" }]);

        Assert.Equal("night-map-1.png", pictures.Main);
    }

    [Fact]
    public void From_TwoPicturesOfOneName_GetDifferentNames()
    {
        var pictures = DiscordAttachments.From([SamplePictures.Chamber(), SamplePictures.Chamber()]);

        Assert.Equal(["chamber.png", "chamber-2.png"], pictures.Files.Select(f => f.FileName));
    }

    [Fact]
    public void AddTo_MessageWithAnEmbed_ListsEachFileWithItsAltTextAndShowsTheFirstInTheEmbed()
    {
        var pictures = DiscordAttachments.From([SamplePictures.Map(), SamplePictures.Chamber()]);

        var body = WireJson.Of(pictures.AddTo(new DiscordMessage { Embeds = [new DiscordEmbed { Title = "x" }] }));

        Assert.Equal(
            $$"""[{"id":"0","filename":"map.png","description":"{{SamplePictures.Map().AltText}}"},{"id":"1","filename":"chamber.png","description":"{{SamplePictures.Chamber().AltText}}"}]""",
            body["attachments"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("attachment://map.png", (string?)body["embeds"]![0]!["image"]!["url"]);
    }

    [Fact]
    public void AddTo_NoPictures_ListsNoneSoAnEditClearsThoseThere()
    {
        var body = WireJson.Of(DiscordAttachments.None.AddTo(new DiscordMessage()));

        Assert.Equal("[]", body["attachments"]!.ToJsonString());
    }
}
