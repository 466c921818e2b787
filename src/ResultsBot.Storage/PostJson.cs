using System.Text.Json.Serialization;

namespace ResultsBot.Storage;

/// <summary>A post's body as stored: its sections (labelled ones are fields), colour and footer.</summary>
internal sealed record PostBody(PostBodySection[] Sections, string? Colour, string? Footer);

internal sealed record PostBodySection(string? Label, string Text);

[JsonSerializable(typeof(PostBody))]
internal sealed partial class PostJson : JsonSerializerContext;
