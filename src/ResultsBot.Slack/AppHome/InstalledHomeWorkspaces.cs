using ResultsBot.Slack.OAuth;

namespace ResultsBot.Slack.AppHome;

/// <summary>
/// Slack:ClientId: each workspace the app is installed in, with its own token. An event that names no team, or a team
/// the bot is not installed in (uninstalled, tokens revoked), has no Home tab to publish.
/// </summary>
internal sealed class InstalledHomeWorkspaces(SlackWorkspaces workspaces) : IHomeWorkspaces
{
    public HomeWorkspace? Find(string? teamId) =>
        teamId is { Length: > 0 } && workspaces.Find(teamId) is { } workspace ? new HomeWorkspace(workspace.TeamId, workspace.Client) : null;
}
