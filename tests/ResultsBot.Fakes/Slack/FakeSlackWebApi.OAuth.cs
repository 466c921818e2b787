using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// Slack's OAuth v2 for an app installed into many workspaces, as its docs ("Installing with OAuth") describe:
/// /oauth/v2/authorize sends the browser back to the redirect URL with a code and the state unchanged (the fake's
/// consent page approves at once, for the workspace the test chose); oauth.v2.access trades a code — once, within
/// ten minutes, with the app's client id and secret — for a bot token of that workspace. Tokens are per workspace and
/// reach only its channels. Such an app, not being in the Marketplace, gets conversations.history and .replies at one
/// request a minute per workspace, 15 messages at most. Uninstalling revokes the workspace's tokens and sends the
/// app_uninstalled and tokens_revoked events, signed, to the app's request URL.
/// </summary>
public sealed partial class FakeSlackWebApi
{
    public const string ClientId = "1111111111.2222222222";
    public const string ClientSecret = "fake-client-secret-0123456789abcdef";
    public const string AppId = "A0FAKEAPP";

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, FakeSlackTeam> _teams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Team, bool Distributed)> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Team, string? RedirectUri, DateTimeOffset Issued)> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Team, string Method), DateTimeOffset> _historyReads = [];
    private readonly Dictionary<string, string> _revokedTokens = new(StringComparer.Ordinal); // token → its workspace
    private string? _approvingTeam;

    /// <summary>The redirect URLs set in the app's OAuth settings; a redirect_uri must be one of them (any, when empty).</summary>
    public List<Uri> AppRedirectUrls { get; } = [];

    /// <summary>The app's Events API request URL and signing secret, where uninstall and revocation events go.</summary>
    public Uri? EventsRequestUrl { get; set; }

    public string SigningSecret { get; set; } = "fake-signing-secret";

    /// <summary>How often a distributed app may read one history method per workspace (Slack: once a minute).</summary>
    public TimeSpan DistributedHistoryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many messages per history read for a distributed app.</summary>
    public const int DistributedHistoryLimit = 15;

    /// <summary>The next installs are org-wide (Enterprise Grid): no team, the enterprise instead.</summary>
    public bool OrgWideInstalls { get; set; }

    /// <summary>oauth.v2.access calls answered, and history reads by OAuth tokens refused with 429.</summary>
    public int TokenExchanges { get; private set; }

    public int DistributedHistoryRateLimited { get; private set; }

    /// <summary>History reads by OAuth tokens that were answered (not refused with 429).</summary>
    public int DistributedHistoryReads { get; private set; }

    /// <summary>A workspace the app can be installed into; the first added is the one the consent page approves for.</summary>
    public FakeSlackWebApi AddWorkspace(string teamId, string name)
    {
        lock (_gate)
        {
            _teams[teamId] = new FakeSlackTeam(teamId, name);
            _approvingTeam ??= teamId;
        }

        return this;
    }

    /// <summary>Channels of that workspace, with the bot a member.</summary>
    public FakeSlackWebApi AddWorkspaceChannels(string teamId, params string[] ids)
    {
        AddChannels(ids);
        lock (_gate)
        {
            foreach (var id in ids)
            {
                _channelTeams[id] = teamId;
            }
        }

        return this;
    }

    /// <summary>Whose consent page the next authorize is (as if the person picked that workspace on Slack's page).</summary>
    public void ApproveInstallsFor(string teamId)
    {
        lock (_gate)
        {
            _approvingTeam = teamId;
        }
    }

    /// <summary>The bot tokens issued and still valid for a workspace.</summary>
    public IReadOnlyList<string> TokensOf(string teamId)
    {
        lock (_gate)
        {
            return [.. _tokens.Where(t => t.Value.Team == teamId).Select(t => t.Key)];
        }
    }

    /// <summary>
    /// A workspace's admin removes the app: its tokens stop working, and Slack sends app_uninstalled and
    /// tokens_revoked to the request URL. Returns the HTTP statuses the app answered them with.
    /// </summary>
    public async Task<IReadOnlyList<int>> UninstallAsync(string teamId)
    {
        List<string> revoked;
        lock (_gate)
        {
            revoked = RevokeTokensLocked(teamId);
        }

        var bot = new JsonArray(_teams[teamId].BotUserId);
        return
        [
            await SendEventAsync(teamId, new JsonObject { ["type"] = "app_uninstalled" }),
            await SendEventAsync(teamId, new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray(), ["bot"] = bot } }),
        ];
    }

    /// <summary>
    /// The workspace's bot tokens are revoked and the app does not hear of it (its request URL was down when Slack
    /// sent tokens_revoked): from now on they answer token_revoked, as Slack answers a revoked token.
    /// </summary>
    public void RevokeTokensQuietly(string teamId)
    {
        lock (_gate)
        {
            RevokeTokensLocked(teamId);
        }
    }

    private List<string> RevokeTokensLocked(string teamId)
    {
        List<string> revoked = [.. _tokens.Where(t => t.Value.Team == teamId).Select(t => t.Key)];
        foreach (var token in revoked)
        {
            _tokens.Remove(token);
            _revokedTokens[token] = teamId;
        }

        return revoked;
    }

    /// <summary>Sends one event_callback, signed as Slack signs requests, to <see cref="EventsRequestUrl"/>.</summary>
    public async Task<int> SendEventAsync(string teamId, JsonObject @event, string? signingSecret = null)
    {
        var url = EventsRequestUrl ?? throw new InvalidOperationException("set EventsRequestUrl first");
        var now = _time.GetUtcNow();
        @event["event_ts"] = string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeSeconds()}.000100");
        var body = new JsonObject
        {
            ["token"] = "fake-verification-token",
            ["team_id"] = teamId,
            ["api_app_id"] = AppId,
            ["event"] = @event,
            ["type"] = "event_callback",
            ["event_id"] = "Ev" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)),
            ["event_time"] = now.ToUnixTimeSeconds(),
        }.ToJsonString();
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", FakeSlackSlashCommandRequest.Sign(signingSecret ?? SigningSecret, timestamp, body));
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>GET /oauth/v2/authorize: the consent page, approving at once for the chosen workspace.</summary>
    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"] != ClientId)
        {
            return Results.Text("invalid_client_id", statusCode: StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrEmpty(query["scope"]) && string.IsNullOrEmpty(query["user_scope"]))
        {
            return Results.Text("invalid_scope", statusCode: StatusCodes.Status400BadRequest);
        }

        var redirectUri = query["redirect_uri"].ToString() is { Length: > 0 } given ? given : null;
        if (RedirectProblem(redirectUri) is { } problem)
        {
            return Results.Text(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var target = redirectUri ?? AppRedirectUrls.FirstOrDefault()?.ToString();
        if (target is null)
        {
            return Results.Text("no_redirect_uri", statusCode: StatusCodes.Status400BadRequest);
        }

        string code;
        lock (_gate)
        {
            var team = _approvingTeam ?? throw new InvalidOperationException("add a workspace first");
            code = string.Create(CultureInfo.InvariantCulture, $"{RandomNumberGenerator.GetInt32(1_000_000_000)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}");
            _codes[code] = (team, redirectUri, _time.GetUtcNow());
        }

        var back = QueryHelpers.AddQueryString(target, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"].ToString() });
        return Results.Redirect(back);
    }

    /// <summary>oauth.v2.access: client credentials as Basic auth or form fields, the code once and fresh, the same redirect_uri.</summary>
    private JsonObject Access(HttpContext context, FakeSlackRequest request)
    {
        var (clientId, clientSecret) = ClientCredentials(context, request);
        if (clientId is null)
        {
            return Error("invalid_client_id");
        }

        if (clientId != ClientId)
        {
            return Error("invalid_client_id");
        }

        if (clientSecret != ClientSecret)
        {
            return Error("bad_client_secret");
        }

        lock (_gate)
        {
            if (request.String("code") is not { } code || !_codes.Remove(code, out var issued))
            {
                return Error("invalid_code");
            }

            if (_time.GetUtcNow() - issued.Issued > CodeLifetime)
            {
                return Error("invalid_code");
            }

            var redirectUri = request.Has("redirect_uri") ? request.String("redirect_uri") : null;
            if (issued.RedirectUri is not null && redirectUri != issued.RedirectUri)
            {
                return Error("bad_redirect_uri");
            }

            var team = _teams[issued.Team];
            var token = $"xoxb-{team.Id}-{RandomNumberGenerator.GetInt32(100_000_000, 999_999_999)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
            _tokens[token] = (team.Id, Distributed: true);
            TokenExchanges++;
            return new JsonObject
            {
                ["ok"] = true,
                ["app_id"] = AppId,
                ["authed_user"] = new JsonObject { ["id"] = "U0INSTALLER" },
                ["scope"] = string.Join(",", Scopes),
                ["token_type"] = "bot",
                ["access_token"] = token,
                ["bot_user_id"] = team.BotUserId,
                ["team"] = OrgWideInstalls ? null : new JsonObject { ["id"] = team.Id, ["name"] = team.Name },
                ["enterprise"] = OrgWideInstalls ? new JsonObject { ["id"] = "E0FAKEORG", ["name"] = "Fake Org" } : null,
                ["is_enterprise_install"] = OrgWideInstalls,
            };
        }
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpContext context, FakeSlackRequest request)
    {
        if (AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header) && header.Scheme == "Basic" && header.Parameter is { } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? (null, null) : (pair[..colon], pair[(colon + 1)..]);
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (request.String("client_id"), request.String("client_secret"));
    }

    private string? RedirectProblem(string? redirectUri) =>
        redirectUri is null || AppRedirectUrls.Count == 0 || AppRedirectUrls.Any(u => redirectUri.StartsWith(u.ToString(), StringComparison.Ordinal))
            ? null
            : "bad_redirect_uri";

    /// <summary>The workspace a token belongs to, whether it came from OAuth, or null if it is not a valid token (caller holds the lock).</summary>
    private (string Team, bool Distributed)? TokenOwner(string token) =>
        token == BotToken ? (TeamId, false) : _tokens.TryGetValue(token, out var owner) ? owner : null;

    /// <summary>
    /// A distributed app's history read: at most one a minute per workspace and method, else 429 with the seconds
    /// left (caller holds the lock).
    /// </summary>
    private bool TakeHistoryTurn(string team, string method, out TimeSpan wait)
    {
        var now = _time.GetUtcNow();
        wait = TimeSpan.Zero;
        if (_historyReads.TryGetValue((team, method), out var last) && now - last < DistributedHistoryInterval)
        {
            wait = DistributedHistoryInterval - (now - last);
            DistributedHistoryRateLimited++;
            return false;
        }

        _historyReads[(team, method)] = now;
        DistributedHistoryReads++;
        return true;
    }

    private sealed record FakeSlackTeam(string Id, string Name)
    {
        public string BotUserId { get; } = "U0BOT" + Id[1..];
    }
}
