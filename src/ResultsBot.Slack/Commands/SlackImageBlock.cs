namespace ResultsBot.Slack.Commands;

/// <summary>A Block Kit image block showing a Slack file by id, with its alt text.</summary>
internal sealed record SlackImageBlock(SlackFileReference SlackFile, string AltText)
{
    public string Type { get; init; } = "image";
}

/// <summary>Block Kit's slack_file object, by id (Slack refuses id and url together).</summary>
internal sealed record SlackFileReference(string Id);
