using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.AppHome;

/// <summary>One workspace's Home tab: its key (the team id; empty with a single bot token) and the client holding its token.</summary>
internal sealed record HomeWorkspace(string Key, SlackWebApiClient Client)
{
    /// <summary>For the log.</summary>
    public override string ToString() => Key.Length == 0 ? "the workspace" : "workspace " + Key;
}
