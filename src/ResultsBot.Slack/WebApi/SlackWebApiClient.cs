using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Platforms;
using ResultsBot.Slack.Posts;

namespace ResultsBot.Slack.WebApi;

/// <summary>
/// Calls Slack's Web API with the bot token. Message writes (chat.postMessage, chat.update) wait their
/// turn per channel and workspace-wide, the upload methods theirs per method (Tier 4); a 429 is waited out
/// (Retry-After) and retried. An <c>ok: false</c>
/// answer comes back as a <see cref="SlackApiResult"/> to act on; transport failures, 5xx, timeouts and
/// persistent 429s throw <see cref="SlackUnavailableException"/> (try again later).
/// </summary>
public sealed class SlackWebApiClient
{
    private static readonly HashSet<string> PacedMethods = new(StringComparer.Ordinal) { "chat.postMessage", "chat.update" };

    /// <summary>The upload methods: Tier 4 (100+ a minute per workspace), paced per method.</summary>
    internal static readonly HashSet<string> FileMethods = new(StringComparer.Ordinal) { "files.getUploadURLExternal", "files.completeUploadExternal" };

    private readonly HttpClient _http;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly IPlatformMonitor _monitor;
    private readonly SlackRateLimits _limits;
    private readonly PostingScheduler _scheduler;
    private readonly ILogger _logger;

    /// <param name="http">Any HttpClient (from IHttpClientFactory in the host); its own Timeout should be longer than limits.RequestTimeout.</param>
    /// <param name="options">BotToken and ApiBaseUrl are used.</param>
    /// <param name="limits">Defaults to <see cref="SlackRateLimits.Default"/>.</param>
    public SlackWebApiClient(HttpClient http, SlackOptions options, TimeProvider time, IPlatformMonitor monitor, SlackRateLimits? limits = null, ILogger<SlackWebApiClient>? logger = null)
    {
        _http = http;
        _options = options;
        _time = time;
        _monitor = monitor;
        _limits = limits ?? SlackRateLimits.Default;
        _scheduler = new PostingScheduler(_limits, time);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Calls a method with a JSON body (application/json; charset=utf-8).</summary>
    public Task<SlackApiResult> CallAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        var channel = PacedMethods.Contains(method) ? (string?)body["channel"] : null;
        return SendAsync(method, channel, () => new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
    }

    /// <summary>Calls a method form-encoded: read methods such as conversations.history do not all take JSON.</summary>
    public Task<SlackApiResult> CallFormAsync(string method, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var pairs = fields.ToList();
        var channel = PacedMethods.Contains(method) && fields.TryGetValue("channel", out var c) ? c : null;
        return SendAsync(method, channel, () => new FormUrlEncodedContent(pairs), cancellationToken);
    }

    /// <summary>chat.postMessage of a rendered message (command answers, notes); threadTs makes it a reply.</summary>
    public Task<SlackApiResult> PostMessageAsync(string channel, SlackMessageBody message, CancellationToken cancellationToken, string? threadTs = null, JsonObject? metadata = null)
    {
        var body = message.ToJson(channel);
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        if (metadata is not null)
        {
            body["metadata"] = metadata;
        }

        return CallAsync("chat.postMessage", body, cancellationToken);
    }

    /// <summary>chat.postEphemeral: a message only <paramref name="user"/> sees in the channel (a command's private answer).</summary>
    public Task<SlackApiResult> PostEphemeralAsync(string channel, string user, SlackMessageBody message, CancellationToken cancellationToken)
    {
        var body = message.ToJson(channel);
        body["user"] = user;
        return CallAsync("chat.postEphemeral", body, cancellationToken);
    }

    /// <summary>
    /// POSTs a file's bytes to the upload_url files.getUploadURLExternal gave (Slack's file service, not a Web API
    /// method: the URL is the credential, so the token is not sent). A 429 is ridden out as for any call; it has no
    /// pace of its own, since each follows a paced files.getUploadURLExternal. True when Slack answered 200, false
    /// when it refused the bytes.
    /// </summary>
    public async Task<bool> UploadBytesAsync(Uri uploadUrl, byte[] bytes, CancellationToken cancellationToken)
    {
        var (status, _) = await ExchangeWithRetriesAsync("the upload URL", uploadUrl, withToken: false, null, () => new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, cancellationToken);
        return status == HttpStatusCode.OK;
    }

    /// <summary>The clock the client paces by, for callers that wait alongside it.</summary>
    internal TimeProvider Time => _time;

    internal SlackRateLimits Limits => _limits;

    private async Task<SlackApiResult> SendAsync(string method, string? pacedChannel, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var (status, text) = await ExchangeWithRetriesAsync(method, _options.MethodUrl(method), withToken: true, pacedChannel, content, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new SlackUnavailableException($"{method} answered HTTP {(int)status}; retry later");
        }

        return Parse(method, text);
    }

    /// <summary>One call with its pacing (per channel for message writes, per method for Tier 4 file methods) and its 429s ridden out.</summary>
    private async Task<(HttpStatusCode Status, string Text)> ExchangeWithRetriesAsync(string method, Uri url, bool withToken, string? pacedChannel, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        for (var waits = 0; ; waits++)
        {
            if (pacedChannel is not null)
            {
                await _scheduler.WaitTurnAsync(pacedChannel, cancellationToken);
            }
            else if (FileMethods.Contains(method))
            {
                await _scheduler.WaitMethodTurnAsync(method, cancellationToken);
            }

            var (status, retryAfter, text) = await ExchangeAsync(method, url, withToken, content(), cancellationToken);
            if (status == HttpStatusCode.TooManyRequests)
            {
                _monitor.RateLimited("slack");
                var wait = retryAfter ?? TimeSpan.FromSeconds(1);
                _logger.LogWarning("Slack {Method} answered 429: waiting {Seconds} s before retrying", method, wait.TotalSeconds);
                if (waits >= _limits.MaxRateLimitWaits)
                {
                    throw new SlackUnavailableException($"{method} still rate limited after {waits + 1} tries; retry later");
                }

                if (pacedChannel is not null)
                {
                    _scheduler.HoldChannel(pacedChannel, wait);
                }
                else
                {
                    await Task.Delay(wait, _time, cancellationToken);
                }

                continue;
            }

            return (status, text);
        }
    }

    private async Task<(HttpStatusCode Status, TimeSpan? RetryAfter, string Text)> ExchangeAsync(string method, Uri url, bool withToken, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (withToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);
        }

        using var timeout = new CancellationTokenSource(_limits.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            return (response.StatusCode, RetryAfter(response), text);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SlackUnavailableException($"{method} did not answer within {_limits.RequestTimeout.TotalSeconds} s; retry later", e);
        }
        catch (HttpRequestException e)
        {
            throw new SlackUnavailableException($"{method} could not reach Slack ({e.Message}); retry later", e);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private static SlackApiResult Parse(string method, string text)
    {
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(text);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new SlackUnavailableException($"{method} answered something that is not JSON; retry later", e);
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new SlackUnavailableException($"{method} answered JSON without \"ok\"; retry later");
        }

        var error = body.TryGetProperty("error", out var e2) && e2.ValueKind == JsonValueKind.String ? e2.GetString() : null;
        return new SlackApiResult(ok.GetBoolean(), ok.GetBoolean() ? null : error ?? "unknown_error", body);
    }
}
