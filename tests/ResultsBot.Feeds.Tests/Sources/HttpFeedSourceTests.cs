using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ResultsBot.Domain.Messages;
using ResultsBot.Feeds.Pa;
using ResultsBot.Feeds.Sources;

namespace ResultsBot.Feeds.Tests.Sources;

public sealed class HttpFeedSourceTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset LastModified = new(2026, 5, 8, 1, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private LoopbackFeedServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackFeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task PollAsync_SingleMessageWithETag_SecondPollSendsIfNoneMatchAndGetsNothing()
    {
        var bolton = SharedFeeds.PaBytes("Local_Test_result_Bolton_1.xml");
        _server.Serve("/feed/Bolton_1.xml", bolton, etag: "\"v1\"");
        var source = new HttpFeedSource(_http, _server.Url("/feed/Bolton_1.xml"));

        var first = await source.PollAsync(CancellationToken.None);
        var second = await source.PollAsync(CancellationToken.None);

        var document = Assert.Single(first);
        Assert.Equal(bolton, document.Content);
        Assert.Equal(_server.Url("/feed/Bolton_1.xml").ToString(), document.Origin);
        Assert.Equal(1, document.Sequence);
        Assert.Empty(second);
        var requests = _server.RequestsFor("/feed/Bolton_1.xml");
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].IfNoneMatch);
        Assert.Equal(HttpStatusCode.OK, requests[0].Answered);
        Assert.Equal("\"v1\"", requests[1].IfNoneMatch);
        Assert.Equal(HttpStatusCode.NotModified, requests[1].Answered);
    }

    [Fact]
    public async Task PollAsync_SingleMessageWithLastModified_SecondPollSendsIfModifiedSinceAndGetsNothing()
    {
        _server.Serve("/Thurrock_1.xml", SharedFeeds.PaBytes("Local_Test_result_Thurrock_1.xml"), lastModified: LastModified);
        var source = new HttpFeedSource(_http, _server.Url("/Thurrock_1.xml"));

        var first = await source.PollAsync(CancellationToken.None);
        var second = await source.PollAsync(CancellationToken.None);

        Assert.Single(first);
        Assert.Empty(second);
        var requests = _server.RequestsFor("/Thurrock_1.xml");
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].IfModifiedSince);
        Assert.Null(requests[1].IfNoneMatch);
        Assert.Equal("Fri, 08 May 2026 01:00:00 GMT", requests[1].IfModifiedSince);
        Assert.Equal(HttpStatusCode.NotModified, requests[1].Answered);
    }

    [Fact]
    public async Task PollAsync_ContentChangedWithNewETag_ReturnsItAgain()
    {
        var path = "/Bolton.xml";
        _server.Serve(path, SharedFeeds.PaBytes("Local_Test_result_Bolton_1.xml"), etag: "\"r1\"");
        var source = new HttpFeedSource(_http, _server.Url(path));
        await source.PollAsync(CancellationToken.None);

        var revision2 = SharedFeeds.PaBytes("Local_Test_result_Bolton_2.xml");
        _server.Serve(path, revision2, etag: "\"r2\"");
        var second = await source.PollAsync(CancellationToken.None);
        var third = await source.PollAsync(CancellationToken.None);

        var document = Assert.Single(second);
        Assert.Equal(revision2, document.Content);
        Assert.Equal(2, document.Sequence);
        Assert.Equal(2, Assert.IsType<CouncilDeclaration>(Assert.Single(PaFeedParser.Parse(document.Content).Messages)).Revision);
        Assert.Empty(third);
        var requests = _server.RequestsFor(path);
        Assert.Equal(["\"r1\"", "\"r2\""], requests.Skip(1).Select(r => r.IfNoneMatch));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotModified], requests.Select(r => r.Answered));
    }

    [Fact]
    public async Task PollAsync_ContentChangedWithNewLastModified_ReturnsItAgain()
    {
        _server.Serve("/b.xml", Encoding.UTF8.GetBytes("<a/>"), lastModified: LastModified);
        var source = new HttpFeedSource(_http, _server.Url("/b.xml"));
        await source.PollAsync(CancellationToken.None);

        _server.Serve("/b.xml", Encoding.UTF8.GetBytes("<b/>"), lastModified: LastModified.AddMinutes(3));
        var second = await source.PollAsync(CancellationToken.None);

        Assert.Equal("<b/>", Encoding.UTF8.GetString(Assert.Single(second).Content));
        Assert.Equal(HttpStatusCode.OK, _server.RequestsFor("/b.xml")[1].Answered);
    }

    [Fact]
    public async Task PollAsync_ServerWithoutValidatorsSendingSameBytes_ReturnsNothingNew()
    {
        _server.Serve("/plain.xml", SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"));
        var source = new HttpFeedSource(_http, _server.Url("/plain.xml"));

        Assert.Single(await source.PollAsync(CancellationToken.None));
        Assert.Empty(await source.PollAsync(CancellationToken.None));

        var requests = _server.RequestsFor("/plain.xml");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], requests.Select(r => r.Answered));
        Assert.All(requests, r => Assert.Null(r.IfNoneMatch));
        Assert.All(requests, r => Assert.Null(r.IfModifiedSince));
    }

    [Fact]
    public async Task PollAsync_HtmlIndexLikePythonHttpServer_FetchesEachLinkedXmlOnThisServerOnly()
    {
        await using var elsewhere = await LoopbackFeedServer.StartAsync();
        elsewhere.Serve("/evil.xml", SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"));
        string[] files = ["Local_Test_result_Bolton_1.xml", "Local_Test_result_Barking___Dagenham_1.xml", "Local_Test_SOP_34.xml"];
        foreach (var file in files)
        {
            _server.Serve("/pa/" + file, SharedFeeds.PaBytes(file), etag: $"\"{file}\"");
        }

        _server.Serve("/pa/notes.txt", "not a feed file", "text/plain");
        var alias = $"http://localhost:{_server.BaseAddress.Port}/pa/Local_Test_result_Bolton_1.xml";
        _server.Serve("/pa/", PythonIndex("/pa/", [.. files, "notes.txt", "archive/", elsewhere.Url("/evil.xml").ToString(), alias]), "text/html; charset=utf-8");
        var source = new HttpFeedSource(_http, _server.Url("/pa/"));

        var first = await source.PollAsync(CancellationToken.None);
        var second = await source.PollAsync(CancellationToken.None);

        Assert.Equal(files.Select(f => _server.Url("/pa/" + f).ToString()), first.Select(d => d.Origin));
        Assert.Equal(files.Select(SharedFeeds.PaBytes), first.Select(d => d.Content));
        Assert.Equal([1L, 2, 3], first.Select(d => d.Sequence));
        Assert.Empty(second);
        Assert.Empty(elsewhere.Requests);
        Assert.All(_server.Requests, r => Assert.Equal(_server.BaseAddress.Authority, r.Host));
        Assert.Empty(_server.RequestsFor("/pa/notes.txt"));
        Assert.Empty(_server.RequestsFor("/pa/archive/"));
        foreach (var file in files)
        {
            var requests = _server.RequestsFor("/pa/" + file);
            Assert.Equal(2, requests.Count);
            Assert.Equal($"\"{file}\"", requests[1].IfNoneMatch);
            Assert.Equal(HttpStatusCode.NotModified, requests[1].Answered);
        }
    }

    [Fact]
    public async Task PollAsync_IndexGainsAFile_FetchesOnlyTheNewOne()
    {
        _server.Serve("/pa/a.xml", SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"), etag: "\"a\"");
        _server.Serve("/pa/b.xml", SharedFeeds.PaBytes("Local_Test_result_Bury_1.xml"), etag: "\"b\"");
        _server.Serve("/pa/", PythonIndex("/pa/", ["a.xml"]), "text/html; charset=utf-8", etag: "\"index1\"");
        var source = new HttpFeedSource(_http, _server.Url("/pa/"));
        await source.PollAsync(CancellationToken.None);

        _server.Serve("/pa/", PythonIndex("/pa/", ["a.xml", "b.xml"]), "text/html; charset=utf-8", etag: "\"index2\"");
        var second = await source.PollAsync(CancellationToken.None);

        Assert.Equal(_server.Url("/pa/b.xml").ToString(), Assert.Single(second).Origin);
        Assert.Equal("\"index1\"", _server.RequestsFor("/pa/")[1].IfNoneMatch);
        Assert.Equal(HttpStatusCode.NotModified, _server.RequestsFor("/pa/a.xml")[1].Answered);
    }

    [Fact]
    public async Task PollAsync_PlainTextList_FetchesEachListedXml()
    {
        _server.Serve("/feed/a.xml", SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"));
        _server.Serve("/feed/2026/b.xml", SharedFeeds.PaBytes("Local_Test_result_Bury_1.xml"));
        _server.Serve("/feed/list.txt", "a.xml\r\n  2026/b.xml  \n\nREADME.md\n", "text/plain");
        var source = new HttpFeedSource(_http, _server.Url("/feed/list.txt"));

        var documents = await source.PollAsync(CancellationToken.None);

        Assert.Equal(
            [_server.Url("/feed/a.xml").ToString(), _server.Url("/feed/2026/b.xml").ToString()],
            documents.Select(d => d.Origin));
        Assert.Empty(_server.RequestsFor("/feed/README.md"));
    }

    [Fact]
    public async Task PollAsync_ListedFileFails_OthersReturnedAndItIsTriedAgainNextPoll()
    {
        _server.Serve("/pa/a.xml", SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"));
        _server.Fail("/pa/b.xml", HttpStatusCode.InternalServerError);
        _server.Serve("/pa/", PythonIndex("/pa/", ["a.xml", "b.xml"]), "text/html");
        var source = new HttpFeedSource(_http, _server.Url("/pa/"));

        var first = await source.PollAsync(CancellationToken.None);
        _server.Serve("/pa/b.xml", SharedFeeds.PaBytes("Local_Test_result_Bury_1.xml"));
        var second = await source.PollAsync(CancellationToken.None);

        Assert.Equal(_server.Url("/pa/a.xml").ToString(), Assert.Single(first).Origin);
        Assert.Equal(_server.Url("/pa/b.xml").ToString(), Assert.Single(second).Origin);
        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.OK], _server.RequestsFor("/pa/b.xml").Select(r => r.Answered));
    }

    [Fact]
    public async Task PollAsync_FolderUrlWithoutSlashRedirected_ResolvesLinksAgainstTheFolder()
    {
        // python's http.server answers /pa with 301 to /pa/, whose links are relative to /pa/.
        _server.Redirect("/pa", "/pa/");
        _server.Serve("/pa/Local_Test_result_Bolton_1.xml", SharedFeeds.PaBytes("Local_Test_result_Bolton_1.xml"));
        _server.Serve("/pa/", PythonIndex("/pa/", ["Local_Test_result_Bolton_1.xml"]), "text/html; charset=utf-8");
        var source = new HttpFeedSource(_http, _server.Url("/pa"));

        var documents = await source.PollAsync(CancellationToken.None);

        Assert.Equal(_server.Url("/pa/Local_Test_result_Bolton_1.xml").ToString(), Assert.Single(documents).Origin);
        Assert.Empty(_server.RequestsFor("/Local_Test_result_Bolton_1.xml"));
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData("")]
    public async Task PollAsync_SingleMessageServedWithGenericContentType_IsStillTheMessage(string contentType)
    {
        // Raw file hosts serve everything as text/plain; a PA message is not a list of links.
        var bolton = SharedFeeds.PaBytes("Local_Test_result_Bolton_1.xml");
        _server.Serve("/raw/Local_Test_result_Bolton_1.xml", bolton, contentType);
        var source = new HttpFeedSource(_http, _server.Url("/raw/Local_Test_result_Bolton_1.xml"));

        var documents = await source.PollAsync(CancellationToken.None);

        Assert.Equal(bolton, Assert.Single(documents).Content);
    }

    [Fact]
    public async Task PollAsync_ServerError_ThrowsFeedSourceExceptionWithStatus()
    {
        _server.Fail("/feed.xml", HttpStatusCode.InternalServerError);
        var source = new HttpFeedSource(_http, _server.Url("/feed.xml"));

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_server.Url("/feed.xml").ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Single(_server.RequestsFor("/feed.xml"));
    }

    [Fact]
    public async Task PollAsync_NotFound_ThrowsFeedSourceException()
    {
        var source = new HttpFeedSource(_http, _server.Url("/nothing-here.xml"));

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_UnreachableUrl_ThrowsFeedSourceException()
    {
        var url = new Uri($"http://127.0.0.1:{UnusedPort()}/feed.xml");
        var source = new HttpFeedSource(_http, url);

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.Contains("cannot reach", ex.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task PollAsync_ServerTooSlow_ThrowsFeedSourceException()
    {
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        _server.ServeSlowly("/slow.xml", SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"), TimeSpan.FromSeconds(10));
        var source = new HttpFeedSource(impatient, _server.Url("/slow.xml"));

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.Contains("did not answer in time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_CallerCancels_ThrowsCancellationNotFeedSourceException()
    {
        _server.ServeSlowly("/slow.xml", SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"), TimeSpan.FromSeconds(10));
        var source = new HttpFeedSource(_http, _server.Url("/slow.xml"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.PollAsync(cancel.Token));
    }

    [Fact]
    public async Task PollAsync_OversizedBody_IsCutJustPastTheCapAndRefusedByParser()
    {
        var huge = new byte[PaFeedParser.MaxDocumentBytes + (4 << 20)];
        huge.AsSpan().Fill((byte)' ');
        "<LocalElectionResult>"u8.CopyTo(huge);
        _server.Serve("/huge.xml", huge);
        var source = new HttpFeedSource(_http, _server.Url("/huge.xml"));

        var document = Assert.Single(await source.PollAsync(CancellationToken.None));

        Assert.InRange(document.Content.Length, PaFeedParser.MaxDocumentBytes + 1, PaFeedParser.MaxDocumentBytes + (128 * 1024));
        var outcome = PaFeedParser.Parse(document.Content);
        Assert.True(outcome.IsBad);
        Assert.Contains("larger than", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reoffer_PolledDocument_IsFetchedUnconditionallyAndReturnedAgain()
    {
        _server.Serve("/Bolton_1.xml", SharedFeeds.PaBytes("Local_Test_result_Bolton_1.xml"), etag: "\"v1\"", lastModified: LastModified);
        var source = new HttpFeedSource(_http, _server.Url("/Bolton_1.xml"));
        var first = Assert.Single(await source.PollAsync(CancellationToken.None));

        source.Reoffer(first);
        var again = await source.PollAsync(CancellationToken.None);

        Assert.Equal(first.Content, Assert.Single(again).Content);
        var requests = _server.RequestsFor("/Bolton_1.xml");
        Assert.Null(requests[1].IfNoneMatch);
        Assert.Null(requests[1].IfModifiedSince);
        Assert.Empty(await source.PollAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reoffer_ListedDocument_ComesBackAloneOnNextPoll()
    {
        _server.Serve("/pa/a.xml", SharedFeeds.PaBytes("Local_Test_result_Adur_1.xml"), etag: "\"a\"");
        _server.Serve("/pa/b.xml", SharedFeeds.PaBytes("Local_Test_result_Bury_1.xml"), etag: "\"b\"");
        _server.Serve("/pa/", PythonIndex("/pa/", ["a.xml", "b.xml"]), "text/html; charset=utf-8", etag: "\"index\"");
        var source = new HttpFeedSource(_http, _server.Url("/pa/"));
        var first = await source.PollAsync(CancellationToken.None);

        source.Reoffer(first[1]);
        var again = await source.PollAsync(CancellationToken.None);

        Assert.Equal(first[1].Origin, Assert.Single(again).Origin);
    }

    [Fact]
    public void Description_IsTheConfiguredUrl()
    {
        var source = new HttpFeedSource(_http, new Uri("http://127.0.0.1:8000/pa/"));

        Assert.Equal("http://127.0.0.1:8000/pa/", source.Description);
    }

    /// <summary>An index page as python's http.server writes one (3.12, <c>list_directory</c>).</summary>
    private static string PythonIndex(string path, IEnumerable<string> links)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE HTML>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Directory listing for {path}</title>
            </head>
            <body>
            <h1>Directory listing for {path}</h1>
            <hr>
            <ul>

            """);
        foreach (var link in links)
        {
            var href = link.Contains("://", StringComparison.Ordinal) ? link : Uri.EscapeDataString(link.TrimEnd('/')) + (link.EndsWith('/') ? "/" : "");
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{WebUtility.HtmlEncode(href)}\">{WebUtility.HtmlEncode(link)}</a></li>\n");
        }

        html.Append("</ul>\n<hr>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
