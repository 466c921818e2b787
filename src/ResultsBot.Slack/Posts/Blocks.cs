using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Posts;

/// <summary>
/// The Block Kit blocks posts and notes are made of, taking text that is already escaped and cut to fit. Text that
/// holds feed or user words goes as plain_text: mrkdwn has no way to escape * _ ~ ` or a line-start &gt;, so a name
/// like "*OFFICIAL*" would be bold; plain_text shows it as written, with no links, mentions or emoji codes.
/// </summary>
internal static class Blocks
{
    public static HeaderBlock Header(string plainText) => new(SlackTextObject.Plain(plainText));

    public static SectionBlock Section(string plainText) => new(SlackTextObject.Plain(plainText));

    /// <summary>A section in mrkdwn, for our own markup around text that cannot format (a code block).</summary>
    public static SectionBlock MrkdwnSection(string mrkdwn) => new(SlackTextObject.Mrkdwn(mrkdwn));

    public static SectionBlock Fields(IEnumerable<string> fields) => new(Fields: [.. fields.Select(SlackTextObject.Plain)]);

    public static ContextBlock Context(string plainText) => new([SlackTextObject.Plain(plainText)]);
}
