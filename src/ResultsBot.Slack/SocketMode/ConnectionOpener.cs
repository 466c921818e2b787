using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ResultsBot.Platforms;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.SocketMode;

/// <summary>apps.connections.open with the app-level token (xapp-…): a fresh, single-use WebSocket URL.</summary>
internal sealed class ConnectionOpener(SlackOptions options, HttpClient http, IPlatformMonitor monitor)
{
    /// <summary>Errors after which retrying is pointless: the token or the app is not allowed in.</summary>
    private static readonly HashSet<string> Unrecoverable =
        ["not_authed", "invalid_auth", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type", "user_removed_from_team", "team_disabled", "missing_scope"];

    public async Task<Uri> OpenAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.AppToken))
        {
            throw new SocketModeRefusedException("Slack:AppToken (xapp-…) is required for Socket Mode");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, options.MethodUrl("apps.connections.open"))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AppToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            monitor.RateLimited("slack");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"apps.connections.open answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        var body = await response.Content.ReadFromJsonAsync(SlackJsonContext.Default.ConnectionsOpenResponse, cancellationToken)
            ?? throw new HttpRequestException("apps.connections.open answered with an empty body");
        if (!body.Ok)
        {
            var error = body.Error ?? "unknown_error";
            throw Unrecoverable.Contains(error)
                ? new SocketModeRefusedException($"apps.connections.open refused the app token: {error}")
                : new HttpRequestException($"apps.connections.open failed: {error}");
        }

        if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || (url.Scheme != "wss" && url.Scheme != "ws"))
        {
            throw new HttpRequestException("apps.connections.open returned no WebSocket URL");
        }

        return url;
    }
}
