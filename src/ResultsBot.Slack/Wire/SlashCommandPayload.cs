namespace ResultsBot.Slack.Wire;

/// <summary>A slash command as Slack sends it inside a Socket Mode envelope (over HTTP the same names come form-encoded).</summary>
internal sealed record SlashCommandPayload(string? Command, string? Text, string? UserId, string? ChannelId, string? TeamId, string? ResponseUrl, string? TriggerId);
