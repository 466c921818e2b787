using System.Net;
using System.Text;
using ResultsBot.Domain.Messages;
using ResultsBot.Feeds.Sources;

namespace ResultsBot.Feeds.Tests.DemocracyClub;

public sealed class DemocracyClubFeedSourceTests : IDisposable
{
    private const string Api = "https://candidates.democracyclub.org.uk/api/next/results/?election_date=2024-05-02";
    private static readonly DateTimeOffset ServerTime = new(2024, 5, 3, 1, 30, 0, TimeSpan.Zero);

    private readonly RecordedApi _api = new();
    private readonly HttpClient _http;

    public DemocracyClubFeedSourceTests() => _http = new HttpClient(_api);

    public void Dispose() => _http.Dispose();

    [Fact]
    public void Open_ResultsApiUrl_ChoosesTheDemocracyClubSource()
    {
        Assert.IsType<DemocracyClubFeedSource>(FeedSources.Open(Api, _http));
        Assert.IsType<HttpFeedSource>(FeedSources.Open("https://example.org/pa/", _http));
    }

    [Fact]
    public async Task PollAsync_ResultWhoseBallotIsAList_IsOfferedOnItsOwnForTheParserToRefuseAndTheRestStillCome()
    {
        var good = System.Text.Json.Nodes.JsonNode.Parse(SharedFeeds.Fixture("democracy-club/2024-results-page-1.json"))!["results"]![0]!.ToJsonString();
        _api.Pages[Api] = Encoding.UTF8.GetBytes($$"""{"next": null, "results": [{"ballot": ["not", "an", "object"]}, {{good}}]}""");
        var source = new DemocracyClubFeedSource(_http, new Uri(Api));

        var documents = await source.PollAsync(CancellationToken.None);

        Assert.Equal(2, documents.Count);
        Assert.Equal("Democracy Club results: \"ballot_paper_id\" is missing", FeedParser.Parse(documents[0].Content).Problem);
        Assert.IsType<WardResult>(Assert.Single(FeedParser.Parse(documents[1].Content).Messages));
    }

    [Fact]
    public async Task PollAsync_PageThatIsAList_IsAReadFailureNotAnUnexpectedException()
    {
        _api.Pages[Api] = "[1, 2, 3]"u8.ToArray();
        var source = new DemocracyClubFeedSource(_http, new Uri(Api));

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.EndsWith("is not a page of Democracy Club results (no \"results\" list)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_TwoPages_FollowsNextAndOffersEachResultAsItsOwnDocument()
    {
        _api.Pages[Api] = SharedFeeds.Fixture("democracy-club/2024-results-page-1.json");
        _api.Pages["https://candidates.democracyclub.org.uk/api/next/results/?election_date=2024-05-02&page=2"] = SharedFeeds.Fixture("democracy-club/2024-results-page-2.json");
        var source = new DemocracyClubFeedSource(_http, new Uri(Api));

        var documents = await source.PollAsync(CancellationToken.None);

        Assert.Equal(
            ["local.sheffield.ecclesall.2024-05-02", "local.sheffield.walkley.2024-05-02", "local.barnsley.darton-east.by.2024-07-04", "mayor.south-yorkshire.2024-05-02"],
            documents.Select(d => d.Origin.Split('#')[1]));
        var ecclesall = Assert.IsType<WardResult>(Assert.Single(FeedParser.Parse(documents[0].Content).Messages));
        Assert.Equal((int)(ServerTime - new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds, ecclesall.Revision);
        Assert.Equal([1L, 2L, 3L, 4L], documents.Select(d => d.Sequence));
    }

    [Fact]
    public async Task PollAsync_SecondPoll_AsksOnlyForResultsUpdatedSinceTheFirstLessAMinute()
    {
        _api.Pages[Api] = SharedFeeds.Fixture("democracy-club/2023-05-04-results.json");
        var since = Api + "&last_updated=2024-05-03T01%3a29%3a00Z";
        _api.Pages[since] = Encoding.UTF8.GetBytes("""{"count": 0, "next": null, "previous": null, "results": []}""");
        var source = new DemocracyClubFeedSource(_http, new Uri(Api));

        Assert.Equal(3, (await source.PollAsync(CancellationToken.None)).Count);
        var second = await source.PollAsync(CancellationToken.None);

        Assert.Empty(second);
        Assert.Equal([Api, since], _api.Asked);
    }

    [Fact]
    public async Task PollAsync_ApiFails_ThrowsSourceExceptionNamingTheStatus()
    {
        var source = new DemocracyClubFeedSource(_http, new Uri(Api));

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.Contains("answered 404", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_SecondPageFails_OffersThePageOneResultsAgainNextTime()
    {
        _api.Pages[Api] = SharedFeeds.Fixture("democracy-club/2024-results-page-1.json");
        var source = new DemocracyClubFeedSource(_http, new Uri(Api));
        await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));
        _api.Pages["https://candidates.democracyclub.org.uk/api/next/results/?election_date=2024-05-02&page=2"] = SharedFeeds.Fixture("democracy-club/2024-results-page-2.json");

        var documents = await source.PollAsync(CancellationToken.None);

        Assert.Equal(4, documents.Count);
        Assert.Equal(Api, _api.Asked[2]);
    }

    /// <summary>Answers from recorded pages by exact URL, with the server's Date header, and remembers what was asked.</summary>
    private sealed class RecordedApi : HttpMessageHandler
    {
        public Dictionary<string, byte[]> Pages { get; } = new(StringComparer.Ordinal);

        public List<string> Asked { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.AbsoluteUri;
            Asked.Add(url);
            var response = Pages.TryGetValue(url, out var page)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(page) }
                : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent([]) };
            response.Headers.Date = ServerTime;
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
