using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResultsBot.Tests.Support;

/// <summary>A real HTTP feed on 127.0.0.1 (Kestrel): an index page linking to a folder's files, with ETags.</summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FeedServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>While true, every request answers 500, as a feed server in trouble does.</summary>
    public bool Failing { get; set; }

    /// <summary>While this task is not complete, requests wait for it (a feed that is slow to answer).</summary>
    public Task Held { get; set; } = Task.CompletedTask;

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/feed/");

    public static async Task<FeedServer> StartAsync(string directory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Use(async (context, next) =>
        {
            await server.Held.WaitAsync(context.RequestAborted);
            if (server.Failing)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            await next(context);
        });
        app.MapGet("/feed/", (HttpContext context) =>
        {
            server.Requests.Enqueue("GET /feed/ If-None-Match=" + context.Request.Headers.IfNoneMatch);
            var links = Directory.GetFiles(directory).Order(StringComparer.Ordinal)
                .Select(f => $"<li><a href=\"{Uri.EscapeDataString(Path.GetFileName(f))}\">{Path.GetFileName(f)}</a></li>");
            return Results.Content($"<!DOCTYPE html><html><body><ul>{string.Concat(links)}</ul></body></html>", "text/html");
        });
        app.MapGet("/feed/{name}", (string name, HttpContext context) =>
        {
            var etag = "\"" + File.GetLastWriteTimeUtc(Path.Combine(directory, name)).Ticks + "\"";
            server.Requests.Enqueue($"GET /feed/{name} If-None-Match={context.Request.Headers.IfNoneMatch}");
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = etag;
            return Results.File(File.ReadAllBytes(Path.Combine(directory, name)), "application/xml");
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
