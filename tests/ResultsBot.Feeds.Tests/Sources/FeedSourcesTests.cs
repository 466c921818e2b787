using ResultsBot.Feeds.Sources;

namespace ResultsBot.Feeds.Tests.Sources;

public class FeedSourcesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8000/pa/", true)]
    [InlineData("https://feeds.example/results/", true)]
    [InlineData("HTTPS://FEEDS.EXAMPLE/", true)]
    [InlineData("ftp://feeds.example/", false)]
    [InlineData("file:///var/feeds", false)]
    [InlineData("/var/feeds/pa", false)]
    [InlineData("feeds/pa", false)]
    [InlineData("", false)]
    public void IsUrl_Source_TellsHttpFromPaths(string source, bool expected)
    {
        Assert.Equal(expected, FeedSources.IsUrl(source));
    }

    [Fact]
    public void Open_HttpUrl_GivesHttpSource()
    {
        using var http = new HttpClient();

        var source = FeedSources.Open("http://127.0.0.1:8000/pa/", http);

        Assert.IsType<HttpFeedSource>(source);
        Assert.Equal("http://127.0.0.1:8000/pa/", source.Description);
    }

    [Fact]
    public void Open_Directory_GivesFileSystemSource()
    {
        using var http = new HttpClient();

        var source = FeedSources.Open(SharedFeeds.PaTestFeed, http);

        Assert.IsType<FileSystemFeedSource>(source);
        Assert.Equal(Path.GetFullPath(SharedFeeds.PaTestFeed), source.Description);
    }

    [Fact]
    public void Open_MissingPath_ThrowsFeedSourceException()
    {
        using var http = new HttpClient();

        Assert.Throws<FeedSourceException>(() => FeedSources.Open(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}"), http));
    }
}
