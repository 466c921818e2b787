using System.Diagnostics;
using ResultsBot.Feeds.Sources;

namespace ResultsBot.Feeds.Tests.Sources;

/// <summary>HTTP feeds that answer and then stall are given up at a deadline; feed addresses are shown without their secrets.</summary>
public sealed class StalledAndSecretFeedTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private LoopbackFeedServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackFeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task PollAsync_ServerSendsHeadersThenStalls_GivesUpAtTheDeadlineSayingItStalled()
    {
        _server.ServeThenStall("/stuck.xml", SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"));
        var source = new HttpFeedSource(_http, _server.Url("/stuck.xml"), TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.True(ex.Stalled);
        Assert.Equal($"{_server.Url("/stuck.xml")} stalled: its answer was not complete within 1 s", ex.Message);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task PollAsync_DemocracyClubPageStalls_GivesUpAtTheDeadline()
    {
        _server.ServeThenStall("/api/next/results/", SharedFeeds.Fixture("democracy-club/2024-results-page-1.json"));
        var source = new DemocracyClubFeedSource(_http, _server.Url("/api/next/results/"), TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.True(ex.Stalled);
    }

    [Fact]
    public void Redact_UrlWithPasswordAndKeys_HidesThePasswordAndEveryQueryValue()
    {
        var url = new Uri("https://newsroom:hunter2@feeds.example.com/pa/results.xml?apikey=abc123&region=london&flag#x");

        Assert.Equal("https://newsroom:***@feeds.example.com/pa/results.xml?apikey=***&region=***&***#x", FeedAddress.Redact(url));
        Assert.Equal("/srv/feeds/pa", FeedAddress.Redact("/srv/feeds/pa"));
    }

    [Fact]
    public async Task PollAsync_UrlWithSecrets_ShowsItRedactedInDescriptionOriginsAndErrors()
    {
        var bolton = SharedFeeds.PaBytes("Local_Test_result_Bolton_1.xml");
        _server.Serve("/feed.xml", bolton);
        var secret = new UriBuilder(_server.Url("/feed.xml")) { UserName = "reader", Password = "pw-SECRET", Query = "apikey=key-SECRET" }.Uri;
        var source = new HttpFeedSource(_http, secret);

        var document = Assert.Single(await source.PollAsync(CancellationToken.None));
        source.Reoffer(document);
        var again = Assert.Single(await source.PollAsync(CancellationToken.None));
        _server.Fail("/feed.xml", System.Net.HttpStatusCode.InternalServerError);
        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.DoesNotContain("SECRET", source.Description + document.Origin + ex.Message, StringComparison.Ordinal);
        Assert.Equal($"http://reader:***@{_server.BaseAddress.Authority}/feed.xml?apikey=***", document.Origin);
        Assert.Equal(document.Origin, again.Origin); // Reoffer found the cached answer by its shown address
    }

    [Fact]
    public async Task PollAsync_OneListedFileStalls_FailsTheReadButHandsOverTheOtherFilesAndRetriesOnlyTheStalledOne()
    {
        var adur = SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml");
        var bolton = SharedFeeds.PaBytes("Local_Test_result_Bolton_1.xml");
        _server.Serve("/feed/", "<html><body><a href='Adur_1.xml'>a</a> <a href='Bolton_1.xml'>b</a></body></html>", "text/html");
        _server.ServeThenStall("/feed/Adur_1.xml", adur);
        _server.Serve("/feed/Bolton_1.xml", bolton, etag: "\"b1\"");
        var source = new HttpFeedSource(_http, _server.Url("/feed/"), TimeSpan.FromSeconds(3)); // room for a busy machine to answer the others

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));
        _server.StopStalling("/feed/Adur_1.xml");
        _server.Serve("/feed/Adur_1.xml", adur);
        var next = await source.PollAsync(CancellationToken.None);

        Assert.True(ex.Stalled);
        Assert.Equal([bolton], ex.Partial.Select(d => d.Content));
        Assert.Equal([adur], next.Select(d => d.Content));
    }
}
