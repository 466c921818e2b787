using System.Text.Json.Serialization;

namespace ResultsBot.Storage.Postgres;

// The same body format as the SQLite store's, declared here so neither store depends on the other's project.

/// <summary>A post's body as stored: its sections (labelled ones are fields), colour and footer.</summary>
internal sealed record PostBody(PostBodySection[] Sections, string? Colour, string? Footer);

internal sealed record PostBodySection(string? Label, string Text);

[JsonSerializable(typeof(PostBody))]
internal sealed partial class PostJson : JsonSerializerContext;
