using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Storage;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.OAuth;

/// <summary>
/// The workspaces the bot is installed in and a Web API client for each, made with that workspace's token (opened
/// from the store when first needed) and its own pacing — Slack's limits are per workspace. An uninstall or a
/// revocation forgets the workspace: its client goes and its token is deleted.
/// </summary>
public sealed class SlackWorkspaces(IWorkspaceInstalls installs, TokenSeal seal, TimeProvider time, Func<string, SlackWebApiClient> clientForToken, ILogger<SlackWorkspaces> logger, ILogger<SlackOutlet>? outletLogger = null)
{
    // One lock for the cache and the store together, so a workspace being forgotten is never cached again from a read made just before.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SlackWorkspace> _open = new(StringComparer.Ordinal);

    /// <summary>The workspace's client and outlet, or null when the bot is not installed there (any more).</summary>
    public SlackWorkspace? Find(string teamId)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(teamId, out var open))
            {
                return open;
            }

            if (installs.FindInstall(teamId) is not { } install)
            {
                return null;
            }

            if (seal.Open(teamId, install.SealedToken) is not { } token)
            {
                // Sealed under another Slack:TokenKey (or tampered with): the workspace must install again.
                logger.LogError("The Slack token of workspace {Team} ({Name}) does not open with Slack:TokenKey: was the key changed? Install the bot there again", teamId, install.Name);
                return null;
            }

            return _open[teamId] = Open(teamId, token);
        }
    }

    /// <summary>Keeps a workspace's new token (sealed) and uses it from now on; a reinstall replaces the old one.</summary>
    public void Install(string teamId, string teamName, string botUserId, string token)
    {
        lock (_gate)
        {
            installs.SaveInstall(new WorkspaceInstall(teamId, teamName, botUserId, seal.Seal(teamId, token), time.GetUtcNow()));
            _open[teamId] = Open(teamId, token);
        }

        logger.LogInformation("Slack: installed in workspace {Team} ({Name})", teamId, teamName);
    }

    /// <summary>Stops using the workspace and deletes its token. False when it was not installed.</summary>
    public bool Forget(string teamId, string why)
    {
        bool removed;
        lock (_gate)
        {
            _open.Remove(teamId);
            removed = installs.RemoveInstall(teamId);
        }

        if (removed)
        {
            logger.LogWarning("Slack: workspace {Team} {Why}: its token is deleted and nothing more is posted there", teamId, why);
        }

        return removed;
    }

    private SlackWorkspace Open(string teamId, string token)
    {
        var client = clientForToken(token);
        return new SlackWorkspace(teamId, client, new SlackOutlet(client, outletLogger));
    }
}
