namespace ResultsBot.Slack.OAuth;

/// <summary>
/// Slack's OAuth v2 install flow (many workspaces, each with its own bot token). <see cref="ToString"/> never shows a secret.
/// </summary>
/// <param name="ClientId">Slack:ClientId — the app's client id (Basic Information → App Credentials).</param>
/// <param name="ClientSecret">Slack:ClientSecret — exchanges the code for a token; never logged.</param>
/// <param name="TokenKey">Slack:TokenKey — 32 bytes (given as base64) that seal the workspaces' tokens at rest and sign the install state.</param>
/// <param name="Scopes">Slack:Scopes — the bot scopes asked for at install.</param>
/// <param name="RedirectUrl">Slack:RedirectUrl — the public address of /slack/oauth_redirect, as in the app's settings; null lets Slack use the one configured there.</param>
public sealed record SlackOAuthOptions(string ClientId, string ClientSecret, byte[] TokenKey, IReadOnlyList<string> Scopes, Uri? RedirectUrl)
{
    /// <summary>What the manifest asks for: post, take /results, read back history after a crash, upload pictures.</summary>
    public static IReadOnlyList<string> DefaultScopes { get; } = ["chat:write", "commands", "channels:history", "groups:history", "files:write"];

    public override string ToString() =>
        $"SlackOAuthOptions {{ ClientId = {ClientId}, ClientSecret = (hidden), TokenKey = (hidden), Scopes = [{string.Join(", ", Scopes)}], RedirectUrl = {RedirectUrl} }}";
}
