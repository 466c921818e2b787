using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ResultsBot.Fakes.Discord;

/// <summary>
/// A message body as Discord reads it: JSON, or multipart/form-data with the JSON in <c>payload_json</c> and
/// files in <c>files[n]</c> parts ("Uploading Files"). Refuses what Discord refuses: a body that is neither,
/// broken multipart or JSON (400), a file over the upload limit (413, 40005 "Request entity too large").
/// </summary>
internal sealed partial record FakeDiscordForm(JsonNode? Payload, IReadOnlyList<FakeDiscordForm.Upload> Files)
{
    /// <summary>One files[n] part.</summary>
    internal sealed record Upload(int Index, string FileName, string ContentType, byte[] Bytes);

    /// <summary>Reads the request; exactly one of the two results is set.</summary>
    public static async Task<(FakeDiscordForm? Form, (int Status, JsonNode Body)? Error)> ReadAsync(HttpContext ctx, long maxFileBytes)
    {
        var type = ctx.Request.ContentType ?? "";
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var text = await reader.ReadToEndAsync(ctx.RequestAborted);
            return Parse(text) is { } json ? (new FakeDiscordForm(json.Node, []), null) : (null, InvalidJson);
        }

        if (!type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Error(400, 50035, "Invalid Form Body"));
        }

        IFormCollection form;
        try
        {
            form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            return (null, Error(400, 50035, "Invalid Form Body"));
        }

        JsonNode? payload = new JsonObject();
        if (form.TryGetValue("payload_json", out var payloadText))
        {
            if (Parse(payloadText.ToString()) is not { } json)
            {
                return (null, InvalidJson);
            }

            payload = json.Node;
        }

        var files = new List<Upload>();
        foreach (var file in form.Files)
        {
            if (file.Length > maxFileBytes)
            {
                return (null, Error(413, 40005, "Request entity too large"));
            }

            if (FilePart().Match(file.Name) is not { Success: true } match)
            {
                continue; // Discord reads files[n] parts only
            }

            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes, ctx.RequestAborted);
            files.Add(new Upload(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), file.FileName, file.ContentType ?? "application/octet-stream", bytes.ToArray()));
        }

        return (new FakeDiscordForm(payload, files), null);
    }

    /// <summary>
    /// The attachments a message has after this request: those the attachments list names (new files by their
    /// n, kept ones by id when editing), or, with no list, the kept ones plus every file sent; with each
    /// attachment:// an embed's image or thumbnail names found among them. Null and the error otherwise.
    /// </summary>
    public (List<FakeDiscordAttachment>? Attachments, JsonObject? Error) Attachments(IReadOnlyList<FakeDiscordAttachment> kept, Func<string> newId)
    {
        var message = Payload as JsonObject ?? [];
        var result = new List<FakeDiscordAttachment>();
        var errors = new List<SchemaError>();
        if (message["attachments"] is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var id = list[i]?["id"]?.ToString() ?? "";
                var description = (string?)list[i]?["description"];
                var filename = (string?)list[i]?["filename"];
                if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Files.FirstOrDefault(f => f.Index == n) is { } upload)
                {
                    result.Add(new FakeDiscordAttachment(newId(), filename ?? upload.FileName, description, upload.ContentType, upload.Bytes));
                }
                else if (kept.FirstOrDefault(a => a.Id == id) is { } existing)
                {
                    result.Add(existing with { Description = description ?? existing.Description });
                }
                else
                {
                    errors.Add(new SchemaError(["attachments", I(i), "id"], "ATTACHMENT_NOT_FOUND", $"Unknown attachment \"{id}\": no files[{id}] in the request"));
                }
            }
        }
        else
        {
            result.AddRange(kept);
            result.AddRange(Files.Select(f => new FakeDiscordAttachment(newId(), f.FileName, null, f.ContentType, f.Bytes)));
        }

        if (result.Count > 10)
        {
            errors.Add(new SchemaError(["attachments"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length."));
        }

        var embeds = message["embeds"] as JsonArray ?? [];
        for (var e = 0; e < embeds.Count; e++)
        {
            foreach (var part in new[] { "image", "thumbnail" })
            {
                if ((string?)embeds[e]?[part]?["url"] is { } url && url.StartsWith("attachment://", StringComparison.Ordinal)
                    && !result.Any(a => a.FileName == url["attachment://".Length..]))
                {
                    errors.Add(new SchemaError(["embeds", I(e), part, "url"], "REFERENCED_ATTACHMENT_NOT_FOUND", $"The referenced attachment (\"{url}\") was not found"));
                }
            }
        }

        return errors.Count == 0 ? (result, null) : (null, DiscordMessageSchema.ErrorBody(errors));
    }

    /// <summary>Discord's docs take an attachment id as a snowflake or a number (the OpenAPI file only a string): numbers read as strings.</summary>
    public static JsonNode? WithAttachmentIdsAsStrings(JsonNode? payload)
    {
        if (payload?["attachments"] is JsonArray list)
        {
            foreach (var item in list.OfType<JsonObject>())
            {
                if (item["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.Number)
                {
                    item["id"] = id.ToJsonString();
                }
            }
        }

        return payload;
    }

    /// <summary>The stored attachments as Discord shows them on a message.</summary>
    public static JsonArray ToJson(IEnumerable<FakeDiscordAttachment> attachments, string channelId) =>
        new([.. attachments.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id,
            ["filename"] = a.FileName,
            ["description"] = a.Description,
            ["content_type"] = a.ContentType,
            ["size"] = a.Size,
            ["url"] = $"https://cdn.discordapp.com/attachments/{channelId}/{a.Id}/{a.FileName}",
            ["proxy_url"] = $"https://media.discordapp.net/attachments/{channelId}/{a.Id}/{a.FileName}",
        })]);

    private static (int, JsonNode) InvalidJson => Error(400, 50109, "The request body contains invalid JSON.");

    private static (int, JsonNode) Error(int status, int code, string message) => (status, new JsonObject { ["message"] = message, ["code"] = code });

    private static Parsed? Parse(string text)
    {
        try
        {
            return new Parsed(WithAttachmentIdsAsStrings(JsonNode.Parse(text)));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^files\[(\d{1,2})\]$")]
    private static partial Regex FilePart();

    private sealed record Parsed(JsonNode? Node);
}
