namespace ResultsBot.Slack.Commands;

/// <summary>
/// The picture that follows an answer at the command's response_url: one image block, the alt text as the fallback,
/// the same response_type as the answer (so an answer only its caller saw keeps its picture private too).
/// </summary>
internal sealed record SlackPictureResponse(string ResponseType, string Text, IReadOnlyList<SlackImageBlock> Blocks)
{
    public bool ReplaceOriginal { get; init; }

    public bool Mrkdwn { get; init; }
}
