using ResultsBot.Platforms;

namespace ResultsBot.Slack.OAuth;

/// <summary>
/// Slack with many workspaces: each post goes to its channel's workspace ("T0123-C0456") with that workspace's
/// token. A workspace the bot is no longer installed in (uninstalled, tokens revoked) is gone for its channels: they
/// are paused with their posts kept, and the other workspaces carry on.
/// </summary>
public sealed class WorkspaceRoutingOutlet(SlackWorkspaces workspaces) : IPlatformOutlet, IChannelHistory
{
    // Workspaces whose start-up check has read a channel already (see AlreadyThereAsync).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _checked = new(StringComparer.Ordinal);

    public string Platform => "slack";

    public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var (workspace, channel) = Resolve(post.ChannelId);
        return workspace.Outlet.SendAsync(post with { ChannelId = channel }, cancellationToken);
    }

    /// <summary>
    /// The start-up check reads one channel per workspace: a lost database shows in any of them, and with history at
    /// one read a minute per workspace, reading each would hold every Slack channel back for minutes before the first post.
    /// </summary>
    public async Task<IReadOnlyList<long>> AlreadyThereAsync(string channelId, IReadOnlyList<OutgoingPost> posts, CancellationToken cancellationToken)
    {
        if (!WorkspaceChannel.TryParse(channelId, out var address) || workspaces.Find(address.TeamId) is not { } workspace)
        {
            // Nothing can be read where the bot cannot post either; the channel is paused when its turn comes.
            return [];
        }

        if (!_checked.TryAdd(address.TeamId, true))
        {
            return [];
        }

        return await workspace.Outlet.AlreadyThereAsync(address.ChannelId, [.. posts.Select(p => p with { ChannelId = address.ChannelId })], cancellationToken);
    }

    private (SlackWorkspace Workspace, string Channel) Resolve(string channelId)
    {
        if (!WorkspaceChannel.TryParse(channelId, out var address))
        {
            throw new ChannelGoneException($"Slack channel {channelId} names no workspace: with Slack:ClientId, channels are written T0123ABCD-C0123ABCD (team id, a dash, channel id)");
        }

        return workspaces.Find(address.TeamId) is { } workspace
            ? (workspace, address.ChannelId)
            : throw new ChannelGoneException($"Slack workspace {address.TeamId}: the bot is not installed there (uninstalled, or its tokens revoked); install it again to resume");
    }
}
