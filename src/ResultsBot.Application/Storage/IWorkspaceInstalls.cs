namespace ResultsBot.Application.Storage;

/// <summary>The workspaces the bot is installed in (Slack OAuth v2), each with its own sealed token.</summary>
public interface IWorkspaceInstalls
{
    /// <summary>Records an install, or replaces the earlier one of the same workspace (a reinstall brings a new token).</summary>
    void SaveInstall(WorkspaceInstall install);

    /// <summary>The workspace's install, or null when the bot is not (or no longer) installed there.</summary>
    WorkspaceInstall? FindInstall(string workspaceId);

    IReadOnlyList<WorkspaceInstall> LoadInstalls();

    /// <summary>Forgets a workspace and its token (uninstalled, or its tokens revoked). False when there was none.</summary>
    bool RemoveInstall(string workspaceId);
}
