using System.Text.Json.Serialization;

namespace ResultsBot.Slack.Wire;

/// <summary>A Block Kit layout block; its "type" comes first on the wire, written from the record's kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ImageBlock), "image")]
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
