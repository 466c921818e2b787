namespace ResultsBot.Slack;

/// <summary>The Slack: settings section. <see cref="ToString"/> never shows a secret.</summary>
/// <param name="BotToken">Slack:BotToken — xoxb-…, for the Web API; never logged.</param>
/// <param name="SigningSecret">Slack:SigningSecret — verifies slash commands over HTTP (Http mode).</param>
/// <param name="AppToken">Slack:AppToken — xapp-…, opens Socket Mode connections (SocketMode).</param>
/// <param name="Channels">Slack:Channels — channel ids that get every post (subscribed at start).</param>
/// <param name="Admins">Slack:Admins — user ids who may change subscriptions and enter the share.</param>
/// <param name="ApiBaseUrl">Slack:ApiBaseUrl — Web API base; method names are appended ("…/api/chat.postMessage").</param>
public sealed record SlackOptions(
    string BotToken,
    string? SigningSecret,
    string? AppToken,
    SlackMode Mode,
    IReadOnlyList<string> Channels,
    IReadOnlySet<string> Admins,
    Uri ApiBaseUrl)
{
    public static Uri DefaultApiBaseUrl { get; } = new("https://slack.com/api/");

    /// <summary>Slack:HomeRefresh's default: declarations that come close together make one refresh of the Home tab.</summary>
    public static TimeSpan DefaultHomeRefresh { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Slack:HomeRefresh — how often the Home tab's content is checked for change; a change is published to everyone
    /// who opened the tab, once per check however many councils declared meanwhile.
    /// </summary>
    public TimeSpan HomeRefresh { get; init; } = DefaultHomeRefresh;

    /// <summary>
    /// Slack:ClientId and the rest: the bot is installed into many workspaces through Slack's OAuth v2 flow, each
    /// with its own token, instead of using one <see cref="BotToken"/> (empty then). Null in single-workspace mode.
    /// </summary>
    public OAuth.SlackOAuthOptions? OAuth { get; init; }

    /// <summary>Slack's consent page (OAuth v2 authorize), on the same host as the Web API.</summary>
    public Uri AuthorizeUrl => new(ApiBaseUrl.GetLeftPart(UriPartial.Authority) + "/oauth/v2/authorize");

    /// <summary>The URL of a Web API method, e.g. chat.postMessage.</summary>
    public Uri MethodUrl(string method) => new(ApiRoot.TrimEnd('/') + "/" + method);

    // A bare host is taken to be laid out as slack.com is: the Web API under /api/.
    private string ApiRoot => ApiBaseUrl.AbsolutePath == "/" ? ApiBaseUrl.GetLeftPart(UriPartial.Authority) + "/api" : ApiBaseUrl.ToString();

    public override string ToString() =>
        $"SlackOptions {{ BotToken = (hidden), SigningSecret = (hidden), AppToken = (hidden), Mode = {Mode}, Channels = [{string.Join(", ", Channels)}], Admins = [{string.Join(", ", Admins)}], HomeRefresh = {HomeRefresh}, ApiBaseUrl = {ApiBaseUrl}, OAuth = {OAuth?.ToString() ?? "off"} }}";
}
