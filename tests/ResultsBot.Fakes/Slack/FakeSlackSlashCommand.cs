namespace ResultsBot.Fakes.Slack;

/// <summary>A slash command as a user types it in Slack: <c>/results council Birmingham</c> is Text "council Birmingham".</summary>
public sealed record FakeSlackSlashCommand(string Text, string UserId = "U0FAKEUSER", string ChannelId = "C0FAKECHAN", string Command = "/results", string TeamId = "T0FAKETEAM")
{
    /// <summary>The fields Slack sends, in its order (form-encoded over HTTP; a JSON object in a Socket Mode envelope).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields(Uri responseUrl, string triggerId) =>
    [
        new("token", "fake-verification-token"),
        new("team_id", TeamId),
        new("team_domain", "fake-team"),
        new("channel_id", ChannelId),
        new("channel_name", "election-night"),
        new("user_id", UserId),
        new("user_name", "fake.user"),
        new("command", Command),
        new("text", Text),
        new("api_app_id", FakeSlackSocketMode.AppId),
        new("is_enterprise_install", "false"),
        new("response_url", responseUrl.ToString()),
        new("trigger_id", triggerId),
    ];
}
