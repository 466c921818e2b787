using ResultsBot.Slack.Posts;

namespace ResultsBot.Slack.Commands;

/// <summary>A Block Kit section block with mrkdwn text (at most 3000 characters).</summary>
internal sealed record SlackSectionBlock(SlackTextObject Text)
{
    public string Type { get; init; } = "section";
}
