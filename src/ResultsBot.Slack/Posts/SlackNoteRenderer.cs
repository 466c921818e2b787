namespace ResultsBot.Slack.Posts;

/// <summary>
/// A note of our own in plain text, any length (the threaded "Correction: …" under an edited post), as a message
/// Slack will take: escaped, split into plain_text sections of at most 3000 characters, at most 50 blocks, with the
/// fallback text always set. Posts have <see cref="SlackPostRenderer"/>; command answers their own renderer.
/// </summary>
public static class SlackNoteRenderer
{
    public static SlackMessageBody Render(string note)
    {
        // Leading spaces stay, as in every answer: only line breaks before the text go.
        var escaped = SlackText.Escape(note.TrimEnd().TrimStart('\r', '\n'));
        var content = escaped.Length == 0 ? [] : SlackText.Split(escaped, BlockKitLimits.SectionText).Select(Blocks.Section).ToList<Wire.SlackBlock>();
        return new SlackMessageBody(SlackPostRenderer.Fallback(note), SlackPostRenderer.Limit(content, footer: null));
    }
}
