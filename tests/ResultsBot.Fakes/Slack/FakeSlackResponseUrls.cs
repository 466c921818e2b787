using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// Slack's response_url for slash commands and button presses: POST /response/{id} with a JSON message. As the docs
/// say, a URL takes at most five posts within 30 minutes of the command; after that it answers 404. Everything posted
/// is recorded for tests to read; a press's URL also keeps the message pressed on as the presser now sees it
/// (replace_original, delete_original: see <see cref="FakeSlackResponseUrl"/>).
/// </summary>
public sealed class FakeSlackResponseUrls(TimeProvider? time = null) : IFakeRoutes
{
    public const int MaxUses = 5;

    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(30);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, FakeSlackResponseUrl> _urls = new(StringComparer.Ordinal);

    /// <summary>A fresh response_url on the fake at <paramref name="baseUrl"/> (the FakeServer's BaseUrl).</summary>
    public Uri Create(Uri baseUrl)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _urls[id] = new FakeSlackResponseUrl(_time.GetUtcNow());
        return new Uri(baseUrl.ToString().TrimEnd('/') + "/response/" + id);
    }

    /// <summary>
    /// A fresh response_url for a button pressed on <paramref name="message"/> (an answer or post as the bot sent it):
    /// what is posted there may replace or delete that message, as Slack does. <paramref name="ephemeral"/> says whether
    /// only the presser sees it (a private answer) or the channel does (a post).
    /// </summary>
    public Uri CreateForPress(Uri baseUrl, JsonElement message, bool ephemeral)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _urls[id] = new FakeSlackResponseUrl(_time.GetUtcNow(), new FakeSlackShownMessage(message.Clone(), ephemeral));
        return new Uri(baseUrl.ToString().TrimEnd('/') + "/response/" + id);
    }

    /// <summary>A fresh response_url for a button pressed on <paramref name="post"/>, a message in a channel (what everyone there sees).</summary>
    public Uri CreateForPress(Uri baseUrl, FakeSlackMessage post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var shown = new System.Text.Json.Nodes.JsonObject { ["text"] = post.Text ?? "", ["ts"] = post.Ts, ["blocks"] = post.Blocks?.DeepClone() ?? new System.Text.Json.Nodes.JsonArray() };
        using var document = JsonDocument.Parse(shown.ToJsonString());
        return CreateForPress(baseUrl, document.RootElement, ephemeral: false);
    }

    /// <summary>The message the press behind this URL came from, as it is shown now; null once deleted (or for a command's URL).</summary>
    public FakeSlackShownMessage? Original(Uri url) => Find(url)?.Original();

    /// <summary>The new messages posted at this URL (neither replacing nor deleting), with whom they are shown to.</summary>
    public IReadOnlyList<FakeSlackShownMessage> Sent(Uri url) => Find(url)?.Sent() ?? [];

    /// <summary>The JSON bodies accepted at this URL so far, oldest first.</summary>
    public IReadOnlyList<JsonElement> Posted(Uri url) => Find(url)?.Posts() ?? [];

    /// <summary>Waits until at least <paramref name="count"/> posts have arrived at this URL and returns them.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForPostsAsync(Uri url, int count = 1, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var posts = Posted(url);
            if (posts.Count >= count)
            {
                return posts;
            }

            try
            {
                await Task.Delay(20, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{count} post(s) to the response_url did not arrive (got {posts.Count})");
            }
        }
    }

    /// <summary>When set, image blocks naming a slack_file must name a file this Web API fake has completed (and processed).</summary>
    public FakeSlackWebApi? Files { get; set; }

    public void Map(WebApplication app) => app.MapPost("/response/{id}", HandleAsync);

    private async Task HandleAsync(HttpContext context, string id)
    {
        if (!_urls.TryGetValue(id, out var url))
        {
            await Refuse(context, "invalid_url");
            return;
        }

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("invalid_payload");
            return;
        }

        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("blocks", out var checkedBlocks)
            && FakeSlackBlockRules.Check(System.Text.Json.Nodes.JsonNode.Parse(checkedBlocks.GetRawText())) is { Count: > 0 } blockErrors)
        {
            // As Slack answers a response_url whose blocks break Block Kit's rules.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_blocks", errors = blockErrors });
            return;
        }

        if (Files is not null && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("blocks", out var blocks) && Files.ImageFileProblem(blocks) is { } problem)
        {
            // As Slack answers a response_url whose blocks it refuses.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_blocks", errors = new[] { problem } });
            return;
        }

        var refusal = url.TryRecord(body, _time.GetUtcNow() - Lifetime);
        if (refusal is not null)
        {
            await Refuse(context, refusal);
            return;
        }

        await context.Response.WriteAsync("ok");
    }

    private static Task Refuse(HttpContext context, string error)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return context.Response.WriteAsync(error);
    }

    private FakeSlackResponseUrl? Find(Uri url)
    {
        var id = url.AbsolutePath.TrimEnd('/').Split('/')[^1];
        return _urls.GetValueOrDefault(id);
    }
}
