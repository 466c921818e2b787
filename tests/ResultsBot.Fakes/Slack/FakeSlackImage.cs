namespace ResultsBot.Fakes.Slack;

/// <summary>A picture a stored message shows: an uploaded file in one of its image blocks, or a file shared as the message.</summary>
/// <param name="AltText">The image block's alt_text (or, for a shared file, the alt text given at upload).</param>
public sealed record FakeSlackImage(string FileId, string Name, string? AltText, byte[] Bytes);
