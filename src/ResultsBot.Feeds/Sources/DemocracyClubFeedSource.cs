using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace ResultsBot.Feeds.Sources;

/// <summary>
/// Democracy Club's results API (<c>https://candidates.democracyclub.org.uk/api/next/results/?election_date=2024-05-02</c>):
/// each poll asks only for results changed since the last (<c>last_updated</c>, from the server's clock
/// less a minute for safety), follows the <c>next</c> links through every page, and offers each new or
/// changed result as its own document. A result the API changes gets a higher <c>revision</c> (the time
/// it was seen), which the API itself does not carry, so a corrected count supersedes the first.
/// </summary>
public sealed class DemocracyClubFeedSource(HttpClient http, Uri url, TimeSpan? readDeadline = null) : IFeedSource
{
    private const int MaxPages = 2_000;
    private const int MaxPageBytes = 16 * 1024 * 1024;

    // Seconds since this moment make revisions that rise with time and fit an int for decades.
    private static readonly DateTimeOffset RevisionEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (string Raw, int Changes)> _seen = new(StringComparer.Ordinal);
    private readonly List<FeedDocument> _reoffered = [];
    private DateTimeOffset? _watermark;
    private long _sequence;

    public string Description => FeedAddress.Redact(url);

    /// <summary>True for a URL of Democracy Club's results API, which this source reads instead of a PA feed.</summary>
    public static bool Serves(Uri source) => source.AbsolutePath.Contains("/api/next/results", StringComparison.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<FeedDocument>> PollAsync(CancellationToken cancellationToken)
    {
        var documents = new List<FeedDocument>(_reoffered);
        var seen = new Dictionary<string, (string Raw, int Changes)>(StringComparer.Ordinal);
        Uri? page = FirstPage();
        DateTimeOffset? serverTime = null;
        for (var pages = 0; page is not null && pages < MaxPages; pages++)
        {
            var (content, date) = await FetchAsync(page, cancellationToken);
            serverTime ??= date;
            page = Read(content, page, documents, seen, serverTime);
        }

        // Only once every page is read: a failure part-way asks again from the old watermark and offers nothing as seen.
        _reoffered.Clear();
        foreach (var (origin, result) in seen)
        {
            _seen[origin] = result;
        }

        _watermark = serverTime - Overlap ?? _watermark;
        return documents;
    }

    public void Reoffer(FeedDocument document)
    {
        _seen.Remove(document.Origin);
        _reoffered.Add(document);
    }

    private Uri FirstPage()
    {
        if (_watermark is not { } since)
        {
            return url;
        }

        var builder = new UriBuilder(url);
        var query = HttpUtility.ParseQueryString(builder.Query);
        query["last_updated"] = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        builder.Query = query.ToString();
        return builder.Uri;
    }

    /// <summary>Adds the page's new or changed results to <paramref name="documents"/>; returns the next page, if any.</summary>
    /// <param name="seenAt">The server's time, for revisions; without it a result's revision counts its changes in this run.</param>
    private Uri? Read(byte[] content, Uri pageUrl, List<FeedDocument> documents, Dictionary<string, (string Raw, int Changes)> seen, DateTimeOffset? seenAt)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new FeedSourceException($"{FeedAddress.Redact(pageUrl)} did not answer with JSON: {ex.Message.Split(". ")[0]}", ex);
        }

        // Only an object is indexed by name: a page that is a list or a number would throw out of the poll.
        if (root is not JsonObject page || page["results"] is not JsonArray results)
        {
            throw new FeedSourceException($"{FeedAddress.Redact(pageUrl)} is not a page of Democracy Club results (no \"results\" list)");
        }

        foreach (var result in results.OfType<JsonObject>())
        {
            var ballot = result["ballot"] is JsonObject paper && paper["ballot_paper_id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null;
            var raw = result.ToJsonString();
            if (ballot is null)
            {
                // Offered as it is, so the parser reports what is wrong with it.
                documents.Add(new FeedDocument(FeedAddress.Redact(pageUrl) + "#result-without-ballot", System.Text.Encoding.UTF8.GetBytes(raw), ++_sequence));
                continue;
            }

            var origin = $"{FeedAddress.Redact(new Uri(url.GetLeftPart(UriPartial.Path)))}#{ballot}";
            var changes = 1;
            if (seen.TryGetValue(origin, out var before) || _seen.TryGetValue(origin, out before))
            {
                if (before.Raw == raw)
                {
                    continue;
                }

                changes = before.Changes + 1;
            }

            seen[origin] = (raw, changes);
            result["revision"] = seenAt is { } at ? (int)Math.Clamp((at - RevisionEpoch).TotalSeconds, 1, int.MaxValue) : changes;
            documents.Add(new FeedDocument(origin, System.Text.Encoding.UTF8.GetBytes(result.ToJsonString()), ++_sequence));
        }

        var next = page["next"] is JsonValue link && link.GetValueKind() == JsonValueKind.String ? link.GetValue<string>() : null;
        return next is not null && Uri.TryCreate(pageUrl, next, out var nextPage) && nextPage.Scheme == url.Scheme && nextPage.Authority == url.Authority ? nextPage : null;
    }

    private Task<(byte[] Content, DateTimeOffset? Date)> FetchAsync(Uri page, CancellationToken cancellationToken) =>
        FeedSources.WithinDeadlineAsync(page, readDeadline ?? FeedSources.ReadDeadline, deadline => FetchWithinAsync(page, deadline), cancellationToken);

    private async Task<(byte[] Content, DateTimeOffset? Date)> FetchWithinAsync(Uri page, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Accept.ParseAdd("application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedSourceException($"cannot reach {FeedAddress.Redact(page)}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedSourceException($"{FeedAddress.Redact(page)} did not answer in time", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedSourceException($"{FeedAddress.Redact(page)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > MaxPageBytes)
            {
                throw new FeedSourceException($"{FeedAddress.Redact(page)} is larger than {MaxPageBytes:N0} bytes");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxPageBytes)
                {
                    throw new FeedSourceException($"{FeedAddress.Redact(page)} is larger than {MaxPageBytes:N0} bytes");
                }
            }

            return (buffer.ToArray(), response.Headers.Date);
        }
    }
}
