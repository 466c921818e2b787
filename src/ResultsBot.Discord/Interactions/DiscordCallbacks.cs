using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ResultsBot.Discord.Rest;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Interactions;

/// <summary>
/// The few REST calls interactions and command registration need (callbacks, follow-ups, bulk overwrite),
/// straight over HttpClient. Kept apart from the posting client on purpose: these routes are outside the
/// global rate limit and must not queue behind posts. A 429 is waited out (retry_after) and tried again.
/// </summary>
internal sealed class DiscordCallbacks(HttpClient http, DiscordOptions options, TimeProvider time, IPlatformMonitor monitor)
{
    private const int MaxAttempts = 4;

    public string? ApplicationId => options.ApplicationId;

    /// <summary>
    /// Sends a JSON body, with files as multipart/form-data when there are any; returns the response body.
    /// Throws <see cref="DiscordCallException"/> on a non-success status.
    /// </summary>
    public async Task<string> SendAsync(HttpMethod method, string path, JsonNode? body, bool authorised, CancellationToken cancellationToken, IReadOnlyList<DiscordUpload>? files = null)
    {
        var url = new Uri(options.RestBase + path);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://github.com/resultsbot, 1.0)");
            if (authorised)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.BotToken);
            }

            request.Content = DiscordRequestContent.Build(body, files ?? []);

            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return text;
            }

            var status = (int)response.StatusCode;
            if (status is 401 or 403 or 429)
            {
                monitor.InvalidRequest("discord", status);
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
            {
                monitor.RateLimited("discord");
                await Task.Delay(RetryAfter(response, text), time, cancellationToken);
                continue;
            }

            // The path carries interaction tokens: say only the method and status, and Discord's own message.
            throw new DiscordCallException(status, $"Discord answered {status} to {method} {Redact(path)}: {Shorten(text)}");
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response, string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject json && json["retry_after"] is JsonValue value && value.TryGetValue<double>(out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 60));
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: fall back to the header.
        }

        return response.Headers.RetryAfter?.Delta is { } delta ? delta : TimeSpan.FromSeconds(1);
    }

    private static string Redact(string path)
    {
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i] is "webhooks" && i + 2 < parts.Length)
            {
                parts[i + 2] = "(token)";
            }

            if (parts[i] is "interactions" && i + 2 < parts.Length)
            {
                parts[i + 2] = "(token)";
            }
        }

        return string.Join('/', parts);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
