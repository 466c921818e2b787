using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ResultsBot.Feeds.Sources;

/// <summary>
/// An HTTP(S) feed, polled with If-None-Match / If-Modified-Since (304 means nothing new). The URL may
/// serve one PA message or a listing (an HTML index or plain list) of .xml files on the same server,
/// each fetched and cached the same way.
/// </summary>
public sealed partial class HttpFeedSource(HttpClient http, Uri url, TimeSpan? readDeadline = null) : IFeedSource
{
    private const int MaxListedFiles = 20_000;

    private readonly Dictionary<Uri, CachedResponse> _cache = [];
    private long _sequence;

    public string Description => FeedAddress.Redact(url);

    public async Task<IReadOnlyList<FeedDocument>> PollAsync(CancellationToken cancellationToken)
    {
        var top = await FetchAsync(url, cancellationToken) ?? throw new FeedSourceException($"{FeedAddress.Redact(url)} answered with an error");
        if (!top.Changed && top.Links is null)
        {
            return [];
        }

        if (top.Links is null)
        {
            return top.Changed ? [new FeedDocument(FeedAddress.Redact(url), top.Content, ++_sequence)] : [];
        }

        // One listed file that cannot be fetched (stalled, unreachable) holds up no other: it is tried again
        // next poll (it was not cached), and the poll still fails so the feed's health shows it.
        var documents = new List<FeedDocument>();
        FeedSourceException? failure = null;
        foreach (var link in top.Links)
        {
            CachedResponse? response;
            try
            {
                response = await FetchAsync(link, cancellationToken);
            }
            catch (FeedSourceException ex)
            {
                failure ??= ex;
                continue;
            }

            if (response is { Changed: true })
            {
                documents.Add(new FeedDocument(FeedAddress.Redact(link), response.Content, ++_sequence));
            }
        }

        return failure is null ? documents : throw new FeedSourceException(failure.Message, failure, failure.Stalled) { Partial = documents };
    }

    // Origins are shown redacted, so the cached address is found by what it shows as.
    public void Reoffer(FeedDocument document)
    {
        foreach (var cached in _cache.Keys.Where(k => FeedAddress.Redact(k) == document.Origin).ToList())
        {
            _cache.Remove(cached);
        }
    }

    /// <summary>Null when a listed file answers with an error (it is tried again next poll).</summary>
    private Task<CachedResponse?> FetchAsync(Uri target, CancellationToken cancellationToken) =>
        FeedSources.WithinDeadlineAsync(target, readDeadline ?? FeedSources.ReadDeadline, deadline => FetchWithinAsync(target, deadline), cancellationToken);

    private async Task<CachedResponse?> FetchWithinAsync(Uri target, CancellationToken cancellationToken)
    {
        _cache.TryGetValue(target, out var cached);
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        if (cached?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (cached?.LastModified is { } modified)
        {
            request.Headers.IfModifiedSince = modified;
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedSourceException($"cannot reach {FeedAddress.Redact(target)}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedSourceException($"{FeedAddress.Redact(target)} did not answer in time", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                return cached with { Changed = false };
            }

            if (!response.IsSuccessStatusCode)
            {
                if (target == url)
                {
                    throw new FeedSourceException($"{FeedAddress.Redact(target)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                return null;
            }

            var content = await ReadCappedAsync(response.Content, cancellationToken);
            var fingerprint = ContentFingerprint.Of(content);
            // After a redirect (python's http.server sends /pa to /pa/) links are relative to where the listing is.
            var listedAt = response.RequestMessage?.RequestUri ?? target;
            var links = target == url && LooksLikeListing(response, content) ? Links(content, listedAt) : null;
            var fresh = new CachedResponse(
                response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified,
                fingerprint,
                content,
                Changed: cached?.Fingerprint != fingerprint,
                links);
            _cache[target] = fresh with { Content = links is null ? [] : content };
            return fresh;
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Pa.PaFeedParser.MaxDocumentBytes)
            {
                break; // Enough to refuse it; the rest is never read.
            }
        }

        return buffer.ToArray();
    }

    private static bool LooksLikeListing(HttpResponseMessage response, byte[] content)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var start = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 512)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Raw file hosts serve everything as text/plain: markup there is a message, not a list of file names.
        return mediaType == "text/plain" && !start.StartsWith('<');
    }

    private static List<Uri> Links(byte[] content, Uri listedAt)
    {
        var text = Encoding.UTF8.GetString(content);
        var hrefs = Href().Matches(text).Select(m => WebUtility.HtmlDecode(m.Groups["link"].Value));
        var candidates = Href().IsMatch(text) ? hrefs : text.Split('\n').Select(l => l.Trim());
        return [.. candidates
            .Where(l => l.Length > 0)
            .Select(l => Uri.TryCreate(listedAt, l, out var link) ? link : null)
            .OfType<Uri>()
            .Where(link => link.Scheme == listedAt.Scheme && link.Authority == listedAt.Authority) // never another server
            .Where(link => link.AbsolutePath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Take(MaxListedFiles)];
    }

    [GeneratedRegex("""href\s*=\s*["'](?<link>[^"'#?]+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    private sealed record CachedResponse(string? ETag, DateTimeOffset? LastModified, string Fingerprint, byte[] Content, bool Changed, List<Uri>? Links);
}
