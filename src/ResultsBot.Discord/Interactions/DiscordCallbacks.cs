using System.Net;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Rest;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Interactions;

/// <summary>
/// The few REST calls interactions and command registration need (callbacks, follow-ups, bulk overwrite), sent
/// through a <see cref="DiscordRestClient"/> of their own: the same 429 handling as posts (retry_after, buckets
/// learned from the headers), but its own rate-limit state, so an answer never queues behind a backlog of posts.
/// Callbacks and follow-ups go without the bot token and outside the global limit, as Discord counts them.
/// </summary>
internal sealed class DiscordCallbacks
{
    /// <summary>Four sends in all: an answer that is still limited after that is past the user's patience.</summary>
    private const int MaxRateLimitRetries = 3;

    /// <summary>An interaction token lives 15 minutes: a 429 asking for longer than a minute is not waited out in full.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    private readonly DiscordRestClient _rest;

    public DiscordCallbacks(HttpClient http, DiscordOptions options, TimeProvider time, IPlatformMonitor monitor, ILogger? logger = null)
    {
        ApplicationId = options.ApplicationId;
        _rest = new DiscordRestClient(http, options, time, monitor, logger)
        {
            MaxRateLimitRetries = MaxRateLimitRetries,
            LongestRateLimitWait = LongestWait,
        };
    }

    public string? ApplicationId { get; }

    /// <summary>
    /// Sends a JSON body, with files as multipart/form-data when there are any; returns the response body.
    /// Throws <see cref="DiscordCallException"/> on a non-success status (429 included, once the retries are used),
    /// <see cref="HttpRequestException"/> when Discord cannot be reached or does not answer in time.
    /// </summary>
    /// <param name="authorised">With the bot token: registration and GET /gateway/bot, which also count towards the global limit.</param>
    public async Task<string> SendAsync(HttpMethod method, string path, DiscordBody? body, bool authorised, CancellationToken cancellationToken, IReadOnlyList<DiscordUpload>? files = null)
    {
        var request = new DiscordRequest(method, path, body, CountsTowardsGlobalLimit: authorised, Authorize: authorised) { Files = files ?? [] };
        DiscordResponse response;
        try
        {
            response = await _rest.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new DiscordCallException(429, $"Discord answered 429 to {method} {Redact(path)}: still rate limited after {MaxRateLimitRetries + 1} attempts");
        }
        catch (TimeoutException e)
        {
            // Callers treat an unreachable Discord as one failure, whether refused or silent.
            throw new HttpRequestException($"Discord did not answer {method} {Redact(path)} in time", e);
        }

        if (response.IsSuccess)
        {
            return response.Body;
        }

        // The path carries interaction tokens: say only the method and status, and Discord's own message.
        var status = (int)response.Status;
        throw new DiscordCallException(status, $"Discord answered {status} to {method} {Redact(path)}: {Shorten(response.Body)}");
    }

    private static string Redact(string path)
    {
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i] is "webhooks" or "interactions" && i + 2 < parts.Length)
            {
                parts[i + 2] = "(token)";
            }
        }

        return string.Join('/', parts);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
