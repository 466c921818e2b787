using System.Text.Json.Serialization;

namespace ResultsBot.Slack.Wire;

/// <summary>A Block Kit layout block; its "type" comes first on the wire, written from the record's kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ImageBlock), "image")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
public abstract record SlackBlock;

/// <summary>A header: plain_text only, at most 150 characters.</summary>
public sealed record HeaderBlock(SlackTextObject Text) : SlackBlock;

/// <summary>A section: one text (at most 3000 characters) or up to ten fields (2000 each).</summary>
public sealed record SectionBlock(SlackTextObject? Text = null, IReadOnlyList<SlackTextObject>? Fields = null) : SlackBlock;

/// <summary>Small grey text under a message (our footer).</summary>
public sealed record ContextBlock(IReadOnlyList<SlackTextObject> Elements) : SlackBlock;

/// <summary>A rule between parts of a message.</summary>
public sealed record DividerBlock : SlackBlock;

/// <summary>A picture Slack holds as a file, shown by id, with its alt text (what screen readers read).</summary>
public sealed record ImageBlock(SlackFileReference SlackFile, string AltText) : SlackBlock;

/// <summary>Block Kit's slack_file object, by id (Slack refuses id and url together).</summary>
public sealed record SlackFileReference(string Id);

/// <summary>A row of interactive elements under a message: here, buttons (at most 25).</summary>
public sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : SlackBlock;

/// <summary>
/// A Block Kit button: plain_text label (at most 75 characters), an action_id unique in its message (255), and a value
/// (2,000) that comes back in the block_actions payload when it is pressed. Type "button" is written first.
/// </summary>
public sealed record ButtonElement(SlackTextObject Text, string ActionId, string Value)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Type { get; init; } = "button";
}
