using ResultsBot.Slack.Posts;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Pictures;

/// <summary>Image blocks for uploaded pictures, placed in a message before its footer.</summary>
internal static class PictureBlocks
{
    /// <summary>Block Kit's cap on an image block's alt_text.</summary>
    public const int AltTextLimit = 2000;

    /// <summary>An image block showing a Slack file by id, with alt text (what screen readers read and what shows with images off).</summary>
    public static ImageBlock Image(UploadedPicture picture) =>
        new(new SlackFileReference(picture.FileId), SlackText.Truncate(picture.AltText.Trim(), AltTextLimit));

    /// <summary>
    /// The message with the pictures' image blocks after its content and before its footer (a trailing context block)
    /// and the "Full result" button's row under it.
    /// </summary>
    public static SlackMessageBody With(SlackMessageBody message, IReadOnlyList<UploadedPicture> pictures)
    {
        if (pictures.Count == 0)
        {
            return message;
        }

        var blocks = message.Blocks.ToList();
        var at = blocks.Count;
        while (at > 0 && blocks[at - 1] is ContextBlock or ActionsBlock)
        {
            at--;
        }

        blocks.InsertRange(at, pictures.Select(Image));
        return message with { Blocks = blocks };
    }

    /// <summary>
    /// Slack processes an uploaded file asynchronously; until it has, a message naming it is refused with
    /// invalid_blocks "invalid slack file". That refusal is worth waiting out; any other is not.
    /// </summary>
    public static bool NotYetProcessed(SlackApiResponse result) =>
        result.Error == "invalid_blocks" && result.Details.Any(d => d.Contains("invalid slack file", StringComparison.OrdinalIgnoreCase));
}
