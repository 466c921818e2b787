namespace ResultsBot.Slack.AppHome;

/// <summary>
/// Where the Home tab is published: the one workspace of a bot token, or each workspace the app is installed in,
/// with that workspace's token. <see cref="SlackAppHome"/> is the same code for both.
/// </summary>
internal interface IHomeWorkspaces
{
    /// <summary>The workspace an event from <paramref name="teamId"/> belongs to; null when the bot is not (any more) installed there.</summary>
    HomeWorkspace? Find(string? teamId);
}
