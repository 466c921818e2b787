using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Rest;

/// <summary>
/// Discord's REST API with the bot's token, rate limits scheduled ahead from the X-RateLimit-* headers
/// and 429s ridden out. One instance per bot: its rate-limit state is the bot's. Safe to use from many
/// tasks at once — requests for different channels run in parallel, requests on one route queue in order.
/// </summary>
public sealed class DiscordRestClient
{
    public const string UserAgent = "DiscordBot (https://github.com/resultsbot, 1.0)";
    private const string Platform = "discord";

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly IPlatformMonitor _monitor;
    private readonly ILogger _logger;
    private readonly DiscordRateLimiter _limiter;

    /// <param name="http">Its BaseAddress and headers are left alone; set its Timeout to bound a hung request (default 100 s).</param>
    /// <param name="options">BotToken and RestBase are used.</param>
    /// <param name="logger">Any logger: the interaction callbacks' client logs as the handler that owns it.</param>
    /// <param name="globalShare">This instance's part of the bot's global rate limit when several send for it; all of it by default.</param>
    /// <param name="botWideSlots">The global limit's slots, where the instances sending for the bot keep them in one place.</param>
    public DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider? time = null, IPlatformMonitor? monitor = null, ILogger? logger = null, IGlobalLimitShare? globalShare = null, IBotWideSlots? botWideSlots = null)
    {
        _http = http;
        _options = options;
        _monitor = monitor ?? NullPlatformMonitor.Instance;
        _logger = logger ?? NullLogger<DiscordRestClient>.Instance;
        _limiter = new DiscordRateLimiter(time ?? TimeProvider.System, share: globalShare, botWide: botWideSlots);
    }

    /// <summary>How many times a request is sent again after 429s before giving up (as a retry-later failure).</summary>
    public int MaxRateLimitRetries { get; init; } = 10;

    /// <summary>
    /// The longest a 429 is waited out before the request goes again. Posts wait as long as Discord says; an
    /// interaction's token lives 15 minutes, so its callbacks cap the wait (a longer one could never be used).
    /// </summary>
    public TimeSpan LongestRateLimitWait { get; init; } = TimeSpan.MaxValue;

    /// <summary>
    /// Sends the request when its bucket and the global limit allow, and again after each 429 (waiting as told).
    /// Returns any other answer as it is, errors included: callers decide what a 403 or 404 means for them.
    /// Throws <see cref="TimeoutException"/> when Discord does not answer in the HttpClient's time,
    /// <see cref="HttpRequestException"/> when it cannot be reached or is still limiting after the retries.
    /// </summary>
    public async Task<DiscordResponse> SendAsync(DiscordRequest request, CancellationToken cancellationToken)
    {
        var (route, major) = request.RouteKey;
        for (var attempt = 0; ; attempt++)
        {
            using var lease = await _limiter.EnterAsync(route, major, request.CountsTowardsGlobalLimit, cancellationToken);
            using var message = BuildMessage(request);
            DiscordResponse response;
            try
            {
                using var answer = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var body = await answer.Content.ReadAsStringAsync(cancellationToken);
                response = new DiscordResponse(answer.StatusCode, body);
                LearnFrom(answer.Headers, lease);
                if (answer.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    Observe(response, request);
                    return response;
                }

                var (retryAfter, global) = RetryAfter(answer.Headers, response);
                retryAfter = retryAfter > LongestRateLimitWait ? LongestRateLimitWait : retryAfter;
                lease.Block(retryAfter, global);
                _monitor.RateLimited(Platform);
                _monitor.InvalidRequest(Platform, 429);
                _logger.LogWarning("Discord rate limited {Route} ({Scope}); waiting {RetryAfter} s", request, global ? "global" : "route", retryAfter.TotalSeconds);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Discord did not answer {request} within {_http.Timeout.TotalSeconds:0} s", e);
            }

            if (attempt >= MaxRateLimitRetries)
            {
                throw new HttpRequestException($"Discord still rate limits {request} after {attempt + 1} attempts", null, HttpStatusCode.TooManyRequests);
            }
        }
    }

    /// <summary>Shorthand for <see cref="SendAsync(DiscordRequest, CancellationToken)"/>.</summary>
    public Task<DiscordResponse> SendAsync(HttpMethod method, string path, DiscordBody? body, CancellationToken cancellationToken) =>
        SendAsync(new DiscordRequest(method, path, body), cancellationToken);

    private HttpRequestMessage BuildMessage(DiscordRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_options.RestBase + "/" + request.Path.TrimStart('/')));
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (request.Authorize)
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bot " + _options.BotToken);
        }

        message.Content = DiscordRequestContent.Build(request.Body, request.Files);
        return message;
    }

    private void Observe(DiscordResponse response, DiscordRequest request)
    {
        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // Both count towards Discord's 10,000-invalid-requests-per-10-minutes ban.
            _monitor.InvalidRequest(Platform, (int)response.Status);
            _logger.LogWarning("Discord refused {Route}: {Status} {Error}", request, (int)response.Status, response.ErrorText);
        }
    }

    private static void LearnFrom(HttpResponseHeaders headers, RouteLease lease)
    {
        var bucket = Header(headers, "X-RateLimit-Bucket");
        var remaining = int.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : (int?)null;
        var resetAfter = Seconds(Header(headers, "X-RateLimit-Reset-After"));
        lease.Learn(bucket, remaining, resetAfter);
    }

    private static (TimeSpan RetryAfter, bool Global) RetryAfter(HttpResponseHeaders headers, DiscordResponse response)
    {
        var error = response.Error;
        var global = error?.Global == true
            || string.Equals(Header(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        var wait = error?.RetryAfter is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : Seconds(Header(headers, "Retry-After")) ?? TimeSpan.FromSeconds(1);
        return (wait < TimeSpan.Zero ? TimeSpan.Zero : wait, global);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? TimeSpan.FromSeconds(s) : null;
}
