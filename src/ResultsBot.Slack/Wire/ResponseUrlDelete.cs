namespace ResultsBot.Slack.Wire;

/// <summary>The body that removes the message an interaction came from, at that interaction's response_url: {"delete_original": true}.</summary>
internal sealed record ResponseUrlDelete(bool DeleteOriginal = true);
