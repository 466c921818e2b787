using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// Slack's external file upload, as its method pages describe it: files.getUploadURLExternal (filename, length,
/// alt_txt) reserves a file and gives an upload URL on this server; a POST of the bytes there (raw, or one file in a
/// multipart form, as @slack/web-api sends it) fills it, and must be exactly the length declared;
/// files.completeUploadExternal finishes it, privately or shared into channel_id as a message carrying the files.
/// Both methods need the files:write scope and are Tier 4 (paced here by <see cref="FilesBurst"/>).
/// The retired files.upload answers method_deprecated.
/// </summary>
public sealed partial class FakeSlackWebApi
{
    public const string UploadPath = "/upload/v1/";

    /// <summary>Slack's limit on an image's alt text given at upload.</summary>
    private const int MaxAltText = 1000;

    private readonly Dictionary<string, FakeSlackFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeSlackPace> _filePaces = new(StringComparer.Ordinal);
    private int _fileNumber;
    private int _uploadsStarted;
    private int _uploadRequests;
    private int _completeRequests;

    /// <summary>The bot token's scopes: file methods without files:write answer missing_scope.</summary>
    public IReadOnlyCollection<string> Scopes { get; set; } = ["chat:write", "channels:history", "groups:history", "commands", "files:write"];

    /// <summary>Calls of one file method at once before Tier 4's pace applies (Slack: 100+ a minute).</summary>
    public int FilesBurst { get; init; } = 20;

    /// <summary>One more file-method call per this interval (Tier 4: about 100 a minute).</summary>
    public TimeSpan FilesRefill { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>How long the upload URL takes before it answers (to catch a bot mid-upload).</summary>
    public TimeSpan UploadDelay { get; set; }

    /// <summary>How long files.completeUploadExternal takes before it answers.</summary>
    public TimeSpan CompleteDelay { get; set; }

    /// <summary>
    /// Slack processes a file asynchronously after completing it: this many messages naming a just-completed file
    /// are refused with "invalid slack file" before it shows (0: at once).
    /// </summary>
    public int FilesProcessingFor { get; set; }

    /// <summary>How many uploads files.getUploadURLExternal has started (orphans included).</summary>
    public int UploadsStarted => Volatile.Read(ref _uploadsStarted);

    /// <summary>POSTs the upload URL has received (counted on arrival, before <see cref="UploadDelay"/>): a test can kill the bot mid-upload.</summary>
    public int UploadRequestsReceived => Volatile.Read(ref _uploadRequests);

    /// <summary>files.completeUploadExternal calls received (counted on arrival, before <see cref="CompleteDelay"/>).</summary>
    public int CompleteRequestsReceived => Volatile.Read(ref _completeRequests);

    /// <summary>Every completed file's picture (id, name, alt text, bytes), in upload order.</summary>
    public IReadOnlyList<FakeSlackImage> CompletedFiles
    {
        get
        {
            lock (_gate)
            {
                return [.. _files.Values.Where(f => f.Completed).Select(f => f.Image(null))];
            }
        }
    }

    private string? MissingScope(string method) =>
        method.StartsWith("files.", StringComparison.Ordinal) && !Scopes.Contains("files:write") ? "files:write" : null;

    private JsonObject MissingScopeError(string needed) => new()
    {
        ["ok"] = false,
        ["error"] = "missing_scope",
        ["needed"] = needed,
        ["provided"] = string.Join(",", Scopes),
    };

    /// <summary>Tier 4 pacing per file method (caller holds the lock); false with the wait when over.</summary>
    private bool TakeFileTurn(string method, out TimeSpan wait)
    {
        if (!_filePaces.TryGetValue(method, out var pace))
        {
            pace = _filePaces[method] = new FakeSlackPace(FilesBurst, FilesRefill);
        }

        return pace.TryTake(_time.GetUtcNow(), out wait);
    }

    private JsonObject GetUploadUrl(FakeSlackRequest request, HttpContext context)
    {
        var filename = request.String("filename");
        var length = request.Int("length");
        if (string.IsNullOrEmpty(filename) || length is null or <= 0)
        {
            return Error("missing_argument");
        }

        // Slack's page names it alt_txt; @slack/web-api sends alt_text: both are taken.
        var alt = request.String("alt_txt") ?? request.String("alt_text");
        if (alt is { Length: > MaxAltText })
        {
            return Error("alt_txt_too_large");
        }

        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"F0FAKE{++_fileNumber:D5}");
            var key = Guid.NewGuid().ToString("N");
            _files[id] = new FakeSlackFile(id, filename, length.Value, string.IsNullOrEmpty(alt) ? null : alt, key);
            Interlocked.Increment(ref _uploadsStarted);
            var http = context.Request;
            return new JsonObject
            {
                ["ok"] = true,
                ["upload_url"] = $"{http.Scheme}://{http.Host}{UploadPath}{key}",
                ["file_id"] = id,
            };
        }
    }

    /// <summary>POST /upload/v1/{key}: the bytes, raw or as the one file of a multipart form; "OK - n" as Slack answers.</summary>
    private async Task<IResult> UploadAsync(HttpContext context, string key)
    {
        Interlocked.Increment(ref _uploadRequests);
        if (UploadDelay > TimeSpan.Zero)
        {
            await Task.Delay(UploadDelay, context.RequestAborted);
        }

        byte[] bytes;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form.Files.Count != 1)
            {
                return Results.Text("expected one file", statusCode: StatusCodes.Status400BadRequest);
            }

            using var buffer = new MemoryStream();
            await form.Files[0].CopyToAsync(buffer, context.RequestAborted);
            bytes = buffer.ToArray();
        }
        else
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            bytes = buffer.ToArray();
        }

        lock (_gate)
        {
            var file = _files.Values.FirstOrDefault(f => f.UploadKey == key);
            if (file is null || file.Completed)
            {
                return Results.Text("upload url not found", statusCode: StatusCodes.Status404NotFound);
            }

            if (bytes.Length != file.DeclaredLength)
            {
                return Results.Text($"length {bytes.Length} does not match the {file.DeclaredLength} declared", statusCode: StatusCodes.Status400BadRequest);
            }

            file.Bytes = bytes;
        }

        return Results.Text(string.Create(CultureInfo.InvariantCulture, $"OK - {bytes.Length}"), "text/plain");
    }

    private async Task<JsonObject> CompleteUploadAsync(FakeSlackRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _completeRequests);
        if (CompleteDelay > TimeSpan.Zero)
        {
            await Task.Delay(CompleteDelay, cancellationToken);
        }

        if (request.Json("files") is not JsonArray { Count: > 0 } entries)
        {
            return Error("invalid_arguments");
        }

        lock (_gate)
        {
            var files = new List<FakeSlackFile>();
            foreach (var entry in entries)
            {
                if (entry?["id"]?.ToString() is not { } id || !_files.TryGetValue(id, out var file) || file.Bytes is null)
                {
                    // Unknown, or reserved but never uploaded: Slack has no file to finish.
                    return Error("file_not_found");
                }

                file.Title = entry["title"]?.ToString() ?? file.Title;
                files.Add(file);
            }

            var channelId = request.String("channel_id") ?? request.String("channels");
            FakeSlackChannel? channel = null;
            if (!string.IsNullOrEmpty(channelId) && Channel(channelId, write: true, out channel) is { } channelError)
            {
                return Error(channelError);
            }

            foreach (var file in files)
            {
                file.Completed = true;
                file.ProcessingLeft = FilesProcessingFor;
            }

            if (channel is not null)
            {
                Share(channel, files, request.String("initial_comment"), request.Has("thread_ts") ? request.String("thread_ts") : null);
            }

            return new JsonObject
            {
                ["ok"] = true,
                ["files"] = new JsonArray([.. files.Select(f => (JsonNode)FileJson(f))]),
            };
        }
    }

    /// <summary>The message a shared upload becomes (caller holds the lock).</summary>
    private void Share(FakeSlackChannel channel, List<FakeSlackFile> files, string? comment, string? threadTs)
    {
        var parent = threadTs is null ? -1 : channel.Messages.FindIndex(m => m.Ts == threadTs && !m.IsReply);
        if (parent < 0)
        {
            threadTs = null; // as chat.postMessage: a reply to an unknown ts goes to the channel
        }
        else
        {
            channel.Messages[parent] = channel.Messages[parent] with { ThreadTs = threadTs };
        }

        foreach (var file in files)
        {
            file.SharedInto.Add(channel.Id);
        }

        channel.Messages.Add(new FakeSlackMessage(channel.Id, NextTs(), comment ?? "", null, threadTs, null, null, (null, null))
        {
            FileIds = [.. files.Select(f => f.Id)],
            Images = [.. files.Select(f => f.Image(null))],
        });
    }

    private static JsonObject FileJson(FakeSlackFile file) => new()
    {
        ["id"] = file.Id,
        ["name"] = file.Name,
        ["title"] = file.Title ?? file.Name,
        ["mimetype"] = "",
        ["size"] = file.DeclaredLength,
        ["url_private"] = $"https://files.fake-slack.example/files-pri/{file.Id}/{file.Name}",
        ["permalink"] = $"https://fake-team.slack.com/files/{file.Id}/{file.Name}",
        ["is_public"] = false,
        ["channels"] = new JsonArray([.. file.SharedInto.Select(c => (JsonNode)c)]),
    };

    /// <summary>
    /// Image blocks naming a slack_file must name a completed file (Slack: "invalid slack file"), and one that is
    /// still processing is refused the same way. Null when they all show.
    /// </summary>
    private List<string>? SlackFileProblems(JsonArray blocks)
    {
        var problems = new List<string>();
        lock (_gate)
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i]?["type"]?.ToString() != "image" || blocks[i]?["slack_file"] is not JsonObject slackFile)
                {
                    continue;
                }

                var file = slackFile["id"]?.ToString() is { } id && _files.TryGetValue(id, out var f) ? f : null;
                if (file is not { Completed: true } || file.ProcessingLeft > 0)
                {
                    if (file is not null && file.ProcessingLeft > 0)
                    {
                        file.ProcessingLeft--;
                    }

                    problems.Add($"[ERROR] invalid slack file [json-pointer:/blocks/{i}/slack_file]");
                }
            }
        }

        return problems.Count == 0 ? null : problems;
    }

    /// <summary>For other fakes taking blocks (response_url): the first image block naming a file not completed or still processing, or null.</summary>
    public string? ImageFileProblem(System.Text.Json.JsonElement blocks) =>
        JsonNode.Parse(blocks.GetRawText()) is JsonArray array ? SlackFileProblems(array)?[0] : null;

    /// <summary>The pictures a message's image blocks show (caller holds the lock).</summary>
    private List<FakeSlackImage> ImagesOf(JsonArray? blocks) =>
        blocks is null
            ? []
            : [.. blocks.OfType<JsonObject>()
                .Where(b => b["type"]?.ToString() == "image" && b["slack_file"]?["id"] is not null)
                .Select(b => _files[b["slack_file"]!["id"]!.ToString()].Image(b["alt_text"]?.ToString()))];
}
