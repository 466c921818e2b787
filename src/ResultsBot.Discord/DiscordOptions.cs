namespace ResultsBot.Discord;

/// <summary>The Discord: settings section. <see cref="ToString"/> never shows the token.</summary>
/// <param name="BotToken">Discord:BotToken — sent as "Authorization: Bot TOKEN"; never logged.</param>
/// <param name="ApplicationId">Discord:ApplicationId — for command registration and interaction follow-ups.</param>
/// <param name="PublicKey">Discord:PublicKey — hex Ed25519 key that signs Interactions Endpoint requests (Interactions mode).</param>
/// <param name="Channels">Discord:Channels — channel ids that get every post (subscribed at start).</param>
/// <param name="GuildId">Discord:GuildId — register commands in this guild only (instant, for testing) instead of globally.</param>
/// <param name="ApiBaseUrl">Discord:ApiBaseUrl — REST base including the version; a base ending in /api gets /v10 added, a bare host /api/v10.</param>
/// <param name="GatewayUrl">Discord:GatewayUrl — a fixed gateway URL; null asks GET /gateway/bot as Discord recommends.</param>
public sealed record DiscordOptions(
    string BotToken,
    string? ApplicationId,
    string? PublicKey,
    DiscordMode Mode,
    IReadOnlyList<string> Channels,
    string? GuildId,
    Uri ApiBaseUrl,
    Uri? GatewayUrl)
{
    public static Uri DefaultApiBaseUrl { get; } = new("https://discord.com/api/v10");

    /// <summary>Discord:NonceWindow's default: Discord remembers a nonce "in the past few minutes"; a minute is on the safe side.</summary>
    public static TimeSpan DefaultNonceWindow { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Discord:NonceWindow — how long the bot trusts Discord to still remember a delivery's nonce. A post
    /// attempted longer ago than this (and never recorded) is looked for in the channel before it is sent again.
    /// </summary>
    public TimeSpan NonceWindow { get; init; } = DefaultNonceWindow;

    /// <summary>
    /// Discord:UserInstall — the read-only commands (/council, /scoreboard, /party…) can be used by people who install
    /// the app to their own account, in any server or DM. Turn on "User Install" in the Developer Portal's Installation
    /// page first: Discord refuses commands for an installation context the app does not support.
    /// </summary>
    public bool UserInstall { get; init; }

    /// <summary>
    /// Discord:Shards — how many Gateway shards the bot runs (across all its instances). Null asks GET /gateway/bot for the
    /// count Discord recommends; with a fixed <see cref="GatewayUrl"/> and no count, the bot runs one shard.
    /// </summary>
    public int? Shards { get; init; }

    /// <summary>Discord:ForumTitle's default, for a night whose name nobody gave.</summary>
    public const string DefaultForumTitle = "Election night results";

    /// <summary>
    /// Discord:ForumTitle — the title of the post (thread) the bot opens in a subscribed forum channel for the night,
    /// e.g. "Local elections 2024: results". A restart looks for its thread by this title, so change it only between nights.
    /// </summary>
    public string ForumTitle { get; init; } = DefaultForumTitle;

    /// <summary>The REST base every request path is appended to, without a trailing slash.</summary>
    public Uri RestBase
    {
        get
        {
            // A bare host is taken to be laid out as discord.com is: the API under /api/v10.
            var text = ApiBaseUrl.AbsolutePath == "/" ? ApiBaseUrl.GetLeftPart(UriPartial.Authority) + "/api" : ApiBaseUrl.ToString().TrimEnd('/');
            return text.EndsWith("/api", StringComparison.OrdinalIgnoreCase) ? new Uri(text + "/v10") : new Uri(text);
        }
    }

    public override string ToString() =>
        $"DiscordOptions {{ BotToken = (hidden), ApplicationId = {ApplicationId}, Mode = {Mode}, Channels = [{string.Join(", ", Channels)}], GuildId = {GuildId}, NonceWindow = {NonceWindow}, UserInstall = {UserInstall}, ForumTitle = {ForumTitle}, Shards = {Shards}, ApiBaseUrl = {ApiBaseUrl}, GatewayUrl = {GatewayUrl} }}";
}
