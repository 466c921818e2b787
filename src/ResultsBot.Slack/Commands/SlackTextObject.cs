using ResultsBot.Slack.Posts;

namespace ResultsBot.Slack.Commands;

/// <summary>A Block Kit mrkdwn text object. Verbatim: Slack does not turn channel names or URLs into links.</summary>
internal sealed record SlackTextObject(string Text)
{
    public string Type { get; init; } = "mrkdwn";

    public bool Verbatim { get; init; } = true;
}
