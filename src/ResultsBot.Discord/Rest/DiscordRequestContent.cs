using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ResultsBot.Discord.Rest;

/// <summary>
/// The body of a request as Discord reads it: JSON alone, or, with files, multipart/form-data whose
/// <c>payload_json</c> part is that JSON and whose <c>files[n]</c> parts are the files (Discord's "Uploading Files").
/// Built afresh for every attempt, since a sent HttpContent cannot be sent again after a 429.
/// </summary>
internal static class DiscordRequestContent
{
    public static HttpContent? Build(DiscordBody? body, IReadOnlyList<DiscordUpload> files)
    {
        if (files.Count == 0)
        {
            return body is null ? null : new StringContent(body.Json, Encoding.UTF8, "application/json");
        }

        var form = new MultipartFormDataContent();
        if (body is not null)
        {
            form.Add(new StringContent(body.Json, Encoding.UTF8, "application/json"), "payload_json");
        }

        for (var n = 0; n < files.Count; n++)
        {
            var file = new ByteArrayContent(files[n].Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(files[n].ContentType);
            form.Add(file, string.Create(CultureInfo.InvariantCulture, $"files[{n}]"), files[n].FileName);
        }

        return form;
    }
}
