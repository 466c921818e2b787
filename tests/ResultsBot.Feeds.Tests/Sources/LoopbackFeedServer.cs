using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ResultsBot.Feeds.Tests.Sources;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the OS) serving scripted feed files with ETag and
/// Last-Modified validation, and recording every request it receives so tests assert on the wire.
/// </summary>
internal sealed class LoopbackFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Resource> _resources = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, byte[]> _stalling = new(StringComparer.Ordinal);

    private LoopbackFeedServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public static async Task<LoopbackFeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackFeedServer(app);
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    public void Serve(string path, byte[] content, string contentType = "application/xml", string? etag = null, DateTimeOffset? lastModified = null) =>
        _resources[path] = new Resource(HttpStatusCode.OK, content, contentType, etag, lastModified, null, TimeSpan.Zero);

    public void Serve(string path, string text, string contentType, string? etag = null) =>
        Serve(path, Encoding.UTF8.GetBytes(text), contentType, etag);

    public void Fail(string path, HttpStatusCode status) =>
        _resources[path] = new Resource(status, Encoding.UTF8.GetBytes("oops"), "text/plain", null, null, null, TimeSpan.Zero);

    public void Redirect(string path, string location) =>
        _resources[path] = new Resource(HttpStatusCode.MovedPermanently, [], "text/html", null, null, location, TimeSpan.Zero);

    public void ServeSlowly(string path, byte[] content, TimeSpan delay) =>
        _resources[path] = new Resource(HttpStatusCode.OK, content, "application/xml", null, null, null, delay);

    /// <summary>Answers 200 with headers promising the whole file, sends its first half, then sends nothing more until the client gives up.</summary>
    public void ServeThenStall(string path, byte[] content) => _stalling[path] = content;

    public void StopStalling(string path) => _stalling.TryRemove(path, out _);

    public IReadOnlyList<ReceivedRequest> RequestsFor(string path) => [.. _requests.Where(r => r.Path == path)];

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (_stalling.TryGetValue(path, out var stalling))
        {
            await StallAsync(context, stalling);
            return;
        }

        if (!_resources.TryGetValue(path, out var resource))
        {
            Record(context, HttpStatusCode.NotFound);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (resource.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(resource.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Record(context, HttpStatusCode.RequestTimeout);
                return;
            }
        }

        if (resource.Location is { } location)
        {
            Record(context, resource.Status);
            context.Response.StatusCode = (int)resource.Status;
            context.Response.Headers.Location = location;
            return;
        }

        if (resource.Status != HttpStatusCode.OK)
        {
            Record(context, resource.Status);
            context.Response.StatusCode = (int)resource.Status;
            await context.Response.Body.WriteAsync(resource.Content);
            return;
        }

        if (resource.ETag is { } etag)
        {
            context.Response.Headers.ETag = etag;
        }

        if (resource.LastModified is { } modified)
        {
            context.Response.Headers.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        }

        if (NotModified(request, resource))
        {
            Record(context, HttpStatusCode.NotModified);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        Record(context, HttpStatusCode.OK);
        context.Response.ContentType = resource.ContentType;
        context.Response.ContentLength = resource.Content.Length;
        try
        {
            await context.Response.Body.WriteAsync(resource.Content, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client stopped reading (an oversized body): expected.
        }
    }

    private async Task StallAsync(HttpContext context, byte[] content)
    {
        Record(context, HttpStatusCode.OK);
        context.Response.ContentType = "application/xml";
        context.Response.ContentLength = content.Length;
        try
        {
            await context.Response.Body.WriteAsync(content.AsMemory(0, content.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client gave up, as it should.
        }
    }

    private static bool NotModified(HttpRequest request, Resource resource)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (resource.ETag is { } etag && ifNoneMatch.Length > 0)
        {
            return ifNoneMatch.Split(',').Any(tag => tag.Trim() == etag);
        }

        return resource.LastModified is { } modified
            && DateTimeOffset.TryParseExact(request.Headers.IfModifiedSince.ToString(), "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && since >= modified.AddTicks(-(modified.Ticks % TimeSpan.TicksPerSecond));
    }

    private void Record(HttpContext context, HttpStatusCode answered)
    {
        var headers = context.Request.Headers;
        _requests.Enqueue(new ReceivedRequest(
            context.Request.Path.Value ?? "/",
            headers.Host.ToString(),
            headers.IfNoneMatch.Count > 0 ? headers.IfNoneMatch.ToString() : null,
            headers.IfModifiedSince.Count > 0 ? headers.IfModifiedSince.ToString() : null,
            answered));
    }

    private sealed record Resource(
        HttpStatusCode Status, byte[] Content, string ContentType, string? ETag, DateTimeOffset? LastModified, string? Location, TimeSpan Delay);
}
