using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Platforms;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.WebApi;

/// <summary>
/// Calls Slack's Web API with the bot token. Message writes (chat.postMessage, chat.update) wait their
/// turn per channel and workspace-wide, the upload methods theirs per method (Tier 4); a 429 is waited out
/// (Retry-After) and retried. An <c>ok: false</c>
/// answer comes back typed (a <see cref="SlackApiResponse"/>) to act on; transport failures, 5xx, timeouts and
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

    /// <summary>chat.postMessage of a rendered message; threadTs makes it a reply, metadata tags it with our delivery id.</summary>
    public Task<ChatMessageResponse> PostMessageAsync(string channel, SlackMessageBody message, CancellationToken cancellationToken, string? threadTs = null, MessageMetadata? metadata = null) =>
        CallAsync("chat.postMessage", channel, message.ToRequest(channel) with { ThreadTs = threadTs, Metadata = metadata }, SlackJsonContext.Default.ChatMessageRequest, SlackJsonContext.Default.ChatMessageResponse, cancellationToken);

    /// <summary>chat.update: the message at <paramref name="ts"/> becomes this one, blocks and all (none removes the old ones).</summary>
    public Task<ChatMessageResponse> UpdateMessageAsync(string channel, string ts, SlackMessageBody message, CancellationToken cancellationToken) =>
        // chat.update keeps the old blocks unless told otherwise: an empty list is sent, never none.
        CallAsync("chat.update", channel, message.ToRequest(channel) with { Ts = ts, Blocks = message.Blocks }, SlackJsonContext.Default.ChatMessageRequest, SlackJsonContext.Default.ChatMessageResponse, cancellationToken);

    /// <summary>chat.postEphemeral: a message only <paramref name="user"/> sees in the channel (a command's private answer).</summary>
    public Task<ChatMessageResponse> PostEphemeralAsync(string channel, string user, SlackMessageBody message, CancellationToken cancellationToken) =>
        CallAsync("chat.postEphemeral", pacedChannel: null, message.ToRequest(channel) with { User = user }, SlackJsonContext.Default.ChatMessageRequest, SlackJsonContext.Default.ChatMessageResponse, cancellationToken);

    /// <summary>chat.delete of one of the bot's messages.</summary>
    public Task<SlackApiResponse> DeleteMessageAsync(string channel, string ts, CancellationToken cancellationToken) =>
        CallAsync("chat.delete", pacedChannel: null, new ChatDeleteRequest(channel, ts), SlackJsonContext.Default.ChatDeleteRequest, SlackJsonContext.Default.SlackApiResponse, cancellationToken);

    /// <summary>views.publish: the user's Home tab becomes this view (Tier 4; the caller paces its publishes).</summary>
    internal Task<SlackApiResponse> PublishHomeAsync(string userId, HomeTabView view, CancellationToken cancellationToken) =>
        CallAsync("views.publish", pacedChannel: null, new ViewsPublishRequest(userId, view), SlackJsonContext.Default.ViewsPublishRequest, SlackJsonContext.Default.SlackApiResponse, cancellationToken);

    /// <summary>auth.test: who the bot token belongs to (and whether Slack takes it at all).</summary>
    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken) =>
        CallFormAsync("auth.test", new Dictionary<string, string>(), SlackJsonContext.Default.AuthTestResponse, cancellationToken);

    /// <summary>conversations.history (or, with <paramref name="threadTs"/>, conversations.replies): the newest messages with their metadata.</summary>
    public Task<ConversationsHistoryResponse> HistoryAsync(string channel, int limit, string? threadTs, CancellationToken cancellationToken)
    {
        // Form-encoded: the read methods do not all take JSON.
        var fields = new Dictionary<string, string>
        {
            ["channel"] = channel,
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["include_all_metadata"] = "true",
        };
        if (threadTs is not null)
        {
            fields["ts"] = threadTs;
        }

        return CallFormAsync(threadTs is null ? "conversations.history" : "conversations.replies", fields, SlackJsonContext.Default.ConversationsHistoryResponse, cancellationToken);
    }

    /// <summary>files.getUploadURLExternal: reserves a file of <paramref name="length"/> bytes and says where to send them.</summary>
    public Task<UploadUrlResponse> GetUploadUrlAsync(string fileName, int length, string altText, CancellationToken cancellationToken) =>
        CallFormAsync(
            "files.getUploadURLExternal",
            new Dictionary<string, string> { ["filename"] = fileName, ["length"] = length.ToString(CultureInfo.InvariantCulture), ["alt_txt"] = altText },
            SlackJsonContext.Default.UploadUrlResponse,
            cancellationToken);

    /// <summary>files.completeUploadExternal without a channel: the files stay private to the bot until a message shows them.</summary>
    public Task<CompleteUploadResponse> CompleteUploadAsync(CompleteUploadRequest request, CancellationToken cancellationToken) =>
        CallAsync("files.completeUploadExternal", pacedChannel: null, request, SlackJsonContext.Default.CompleteUploadRequest, SlackJsonContext.Default.CompleteUploadResponse, cancellationToken);

    /// <summary>
    /// Calls any method with a JSON body built by hand, answering with the generic fields and the whole answer. Kept for
    /// callers outside this adapter written before the typed calls (the host's sign-in uses auth.test this way); new
    /// code uses a typed call.
    /// </summary>
    public async Task<SlackApiResult> CallAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        var channel = PacedMethods.Contains(method) ? (string?)body["channel"] : null;
        var text = await SendAsync(method, channel, () => new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
        var answer = Parse(method, text, SlackJsonContext.Default.SlackApiResponse);
        using var document = JsonDocument.Parse(text);
        return new SlackApiResult(answer, document.RootElement.Clone());
    }

    /// <summary>Calls a method with a JSON body (application/json; charset=utf-8), both ways through <see cref="SlackJsonContext"/>.</summary>
    /// <param name="pacedChannel">The channel a message write waits its turn for; null for other methods.</param>
    internal async Task<TResponse> CallAsync<TRequest, TResponse>(string method, string? pacedChannel, TRequest body, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, request);
        var text = await SendAsync(method, pacedChannel, () => new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } }, cancellationToken);
        return Parse(method, text, response);
    }

    /// <summary>Calls a method form-encoded: read methods such as conversations.history do not all take JSON.</summary>
    internal async Task<TResponse> CallFormAsync<TResponse>(string method, IReadOnlyDictionary<string, string> fields, JsonTypeInfo<TResponse> response, CancellationToken cancellationToken)
        where TResponse : SlackApiResponse
    {
        var pairs = fields.ToList();
        var text = await SendAsync(method, pacedChannel: null, () => new FormUrlEncodedContent(pairs), cancellationToken);
        return Parse(method, text, response);
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

    private async Task<string> SendAsync(string method, string? pacedChannel, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var (status, text) = await ExchangeWithRetriesAsync(method, _options.MethodUrl(method), withToken: true, pacedChannel, content, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new SlackUnavailableException($"{method} answered HTTP {(int)status}; retry later");
        }

        return text;
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
            else if (HistoryInterval(method) is { } interval)
            {
                await _scheduler.WaitHistoryTurnAsync(method, interval, cancellationToken);
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
                else if (HistoryInterval(method) is { } interval)
                {
                    // Only this read waits (in its channel's worker); posting elsewhere carries on meanwhile.
                    _scheduler.HoldHistory(method, interval, wait);
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

    private TimeSpan? HistoryInterval(string method) =>
        method is "conversations.history" or "conversations.replies" ? _limits.HistoryInterval : null;

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

    /// <summary>The answer, typed; an answer that is not JSON, or JSON without "ok", means Slack is not itself: try again later.</summary>
    private static TResponse Parse<TResponse>(string method, string text, JsonTypeInfo<TResponse> response)
        where TResponse : SlackApiResponse
    {
        try
        {
            return JsonSerializer.Deserialize(text, response) ?? throw new JsonException("the answer is null");
        }
        catch (JsonException e)
        {
            throw new SlackUnavailableException($"{method} answered something that is not a Web API answer ({e.Message}); retry later", e);
        }
    }
}
