namespace ResultsBot.Application.Storage;

/// <summary>
/// A workspace the bot was installed into through its install flow (Slack OAuth v2): whose token to use for its
/// channels. The token is kept sealed (encrypted with the operator's key) and the store never sees it in clear.
/// </summary>
/// <param name="WorkspaceId">The platform's id of the workspace (Slack's team id, T…).</param>
/// <param name="Name">The workspace's name when it was installed, for logs and the operator.</param>
/// <param name="BotUserId">The bot's user id in that workspace.</param>
/// <param name="SealedToken">The bot token, encrypted at rest; only the platform's adapter can open it.</param>
public sealed record WorkspaceInstall(string WorkspaceId, string Name, string BotUserId, string SealedToken, DateTimeOffset InstalledAt)
{
    public override string ToString() => $"WorkspaceInstall {{ WorkspaceId = {WorkspaceId}, Name = {Name}, BotUserId = {BotUserId}, SealedToken = (hidden), InstalledAt = {InstalledAt:O} }}";
}
