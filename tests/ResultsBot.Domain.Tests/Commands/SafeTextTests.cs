using ResultsBot.Domain.Commands;

namespace ResultsBot.Domain.Tests.Commands;

public class SafeTextTests
{
    [Theory]
    [InlineData("Stoke-on-Trent", "Stoke-on-Trent")]
    [InlineData("Barking & Dagenham", "Barking & Dagenham")]
    [InlineData("St. Helens (Merseyside), King's Lynn", "St. Helens (Merseyside), King's Lynn")]
    [InlineData("Ynys Môn", "Ynys Môn")]
    [InlineData("@everyone", "everyone")]
    [InlineData("@here Hull", "here Hull")]
    [InlineData("<@123456> <@&789> <#42> <!channel>", "123456 &789 42 channel")]
    [InlineData("**bold** __under__ _it_ `code` ```block```", "bold under it code block")]
    [InlineData("> quoted\n# heading", "quoted heading")]
    [InlineData("||spoiler|| ~~struck~~ [link](http://x.example)", "spoiler struck link(httpx.example)")]
    [InlineData("\u202EHull\u200F\u200B", "Hull")]
    [InlineData("a\r\n\tb\0c\u0007d", "a b c d")]
    [InlineData("   ", "")]
    [InlineData("🎉 Thurrock 🎉", "Thurrock")]
    public void Echo_KeepsWordsDropsWhatCouldPingOrFormat(string text, string expected)
    {
        Assert.Equal(expected, SafeText.Echo(text));
    }

    [Fact]
    public void Echo_LongText_CutTo60CharactersAndMarked()
    {
        Assert.Equal(new string('x', 60) + "…", SafeText.Echo(new string('x', 5000)));
        Assert.Equal(new string('x', 60), SafeText.Echo(new string('x', 60)));
    }

    [Fact]
    public void Echo_LongRunOfDroppedCharacters_StillLooksAtWhatFollows()
    {
        Assert.Equal("Hull", SafeText.Echo(new string('*', 5000) + "Hull"));
    }

    [Theory]
    [InlineData("\u202E/council\u200B Hull\r\n", "/council Hull")]
    [InlineData("/council\tHull", "/council Hull")]
    [InlineData("\u2066/scoreboard\u2069", "/scoreboard")]
    public void Clean_TakesOutInvisibleCharactersAndMakesBreaksSpaces(string input, string expected)
    {
        Assert.Equal(expected, SafeText.Clean(input));
    }
}
