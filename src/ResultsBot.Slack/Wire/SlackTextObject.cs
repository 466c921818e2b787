namespace ResultsBot.Slack.Wire;

/// <summary>
/// A Block Kit text object: plain_text (feed and user words: Slack renders none of it; emoji codes off, so
/// ":flag_gb:" in a name stays text) or mrkdwn (our own markup around text that cannot format, such as a code
/// block; verbatim, so Slack does not turn channel names or URLs into links).
/// </summary>
public sealed record SlackTextObject(string Type, string Text)
{
    public bool? Emoji { get; init; }

    public bool? Verbatim { get; init; }

    public static SlackTextObject Plain(string text) => new("plain_text", text) { Emoji = false };

    public static SlackTextObject Mrkdwn(string text) => new("mrkdwn", text) { Verbatim = true };
}
