using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ResultsBot.Fakes;

namespace ResultsBot.Benchmarks;

/// <summary>
/// A fake part that writes one line to stdout when a message-create request reaches the fake server,
/// before the fake handles it: "arrive UNIX-MS CHANNEL TITLE". The latency run matches these with the moment
/// it dropped each file by the TITLE that follows (the first embed's title, else the content's first line).
/// </summary>
internal sealed class ArrivalLog(TextWriter output) : IFakeRoutes
{
    private readonly Lock _gate = new();

    public void Map(WebApplication app) => app.Use(async (HttpContext context, RequestDelegate next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value is { } path && path.EndsWith("/messages", StringComparison.Ordinal))
        {
            var at = (TimeProvider.System.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;
            var channel = path.Split('/')[^2];
            context.Request.EnableBuffering();
            var title = await TitleOf(context.Request.Body);
            context.Request.Body.Position = 0;
            lock (_gate)
            {
                output.WriteLine(FormattableString.Invariant($"arrive {at:F3} {channel} {title}"));
                output.Flush();
            }
        }

        await next(context);
    });

    private static async Task<string> TitleOf(Stream body)
    {
        try
        {
            var message = await JsonNode.ParseAsync(body);
            var embedTitle = message?["embeds"] is JsonArray { Count: > 0 } embeds ? (string?)embeds[0]?["title"] : null;
            var title = embedTitle ?? (string?)message?["content"] ?? "";
            return title.Split('\n')[0];
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
