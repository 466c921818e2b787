using ResultsBot.Domain.Posts;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Posts;

/// <summary>
/// A post as Block Kit: the headline as a header, labelled sections as fields (ten to a section, label on
/// its own line), other sections as text, the footer as context; every piece plain_text (feed text never
/// formats), escaped and cut to Slack's limits. A result's post ends with a "Full result" button
/// (<see cref="Commands.SlackButtons.FullResult"/>), under its footer.
/// Block Kit has no colour bar, so <see cref="Post.Colour"/> is not shown.
/// </summary>
public static class SlackPostRenderer
{
    /// <param name="pictureRoom">Blocks to leave free for pictures (image blocks added after rendering).</param>
    public static SlackMessageBody Render(Post post, int pictureRoom = 0)
    {
        var content = new List<SlackBlock>();
        if (!string.IsNullOrWhiteSpace(post.Headline))
        {
            content.Add(Blocks.Header(SlackText.Truncate(SlackText.Escape(post.Headline.Trim()), BlockKitLimits.HeaderText)));
        }

        content.AddRange(Body(post.Sections));
        var footer = string.IsNullOrWhiteSpace(post.Footer)
            ? null
            : Blocks.Context(SlackText.Truncate(SlackText.Escape(post.Footer.Trim()), BlockKitLimits.ContextText));
        if (Commands.SlackButtons.FullResult(post) is not { } buttons)
        {
            return new SlackMessageBody(Fallback(post.ToPlainText()), Limit(content, footer, pictureRoom));
        }

        // The button's row is kept whatever is cut: the full result is where the rest of a long post can be read.
        return new SlackMessageBody(Fallback(post.ToPlainText()), [.. Limit(content, footer, pictureRoom + 1), buttons]);
    }

    /// <summary>The escaped plain text, cut to what Slack takes as a notification and fallback.</summary>
    internal static string Fallback(string plainText)
    {
        var text = SlackText.Truncate(SlackText.Escape(plainText.Trim()), BlockKitLimits.FallbackText);
        return text.Length == 0 ? SlackText.Ellipsis : text;
    }

    /// <summary>At most 50 blocks: when there are more, the last one kept says "…and more"; the footer stays.</summary>
    internal static IReadOnlyList<SlackBlock> Limit(IReadOnlyList<SlackBlock> content, SlackBlock? footer, int reserved = 0)
    {
        var room = BlockKitLimits.Blocks - (footer is null ? 0 : 1) - Math.Clamp(reserved, 0, BlockKitLimits.Blocks / 2);
        List<SlackBlock> blocks = content.Count <= room
            ? [.. content]
            : [.. content.Take(room - 1), Blocks.Section(BlockKitLimits.MoreNote)];
        if (footer is not null)
        {
            blocks.Add(footer);
        }

        return blocks;
    }

    private static IEnumerable<SlackBlock> Body(IReadOnlyList<PostSection> sections)
    {
        var fields = new List<string>();
        foreach (var section in sections)
        {
            var text = SlackText.Escape(section.Text.Trim());
            if (section.Label is { } label)
            {
                var field = SlackText.Escape(label.Trim()) + "\n" + text;
                if (field.Trim().Length == 0)
                {
                    continue;
                }

                if (field.Length <= BlockKitLimits.FieldText)
                {
                    fields.Add(field.Trim());
                    if (fields.Count == BlockKitLimits.SectionFields)
                    {
                        yield return Blocks.Fields(fields);
                        fields = [];
                    }

                    continue;
                }

                // Too long for a field: it reads on as text, label first.
                text = field;
            }

            if (fields.Count > 0)
            {
                yield return Blocks.Fields(fields);
                fields = [];
            }

            if (text.Length == 0)
            {
                continue;
            }

            foreach (var piece in SlackText.Split(text, BlockKitLimits.SectionText))
            {
                yield return Blocks.Section(piece);
            }
        }

        if (fields.Count > 0)
        {
            yield return Blocks.Fields(fields);
        }
    }
}
