namespace ResultsBot.Slack.Commands;

/// <summary>
/// An answer as Slack takes it: the HTTP response to a slash command, the payload of a Socket Mode ack,
/// or (with <see cref="ReplaceOriginal"/> false) a POST to the command's response_url.
/// </summary>
/// <param name="ResponseType">"ephemeral" (only the caller sees it) or "in_channel".</param>
/// <param name="Text">The plain fallback shown in notifications; the blocks carry the whole answer.</param>
internal sealed record SlackCommandResponse(string ResponseType, string Text, IReadOnlyList<SlackSectionBlock> Blocks)
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";

    public bool? ReplaceOriginal { get; init; }

    /// <summary>The picture the answer asked for (/map, /chamber, /chart): it follows at response_url once this is shown. Never sent.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ResultsBot.Domain.Commands.PictureRequest? Picture { get; init; }

    /// <summary>Always false: the fallback text repeats feed and typed text, which must not format where Slack shows it.</summary>
    public bool Mrkdwn { get; init; }
}
