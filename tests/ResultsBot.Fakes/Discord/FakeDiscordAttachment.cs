namespace ResultsBot.Fakes.Discord;

/// <summary>A file the bot uploaded with a message, as the fake stored it: what tests read back.</summary>
/// <param name="Description">The alt text (the attachment's description), if any.</param>
public sealed record FakeDiscordAttachment(string Id, string FileName, string? Description, string ContentType, byte[] Bytes)
{
    public int Size => Bytes.Length;

    /// <summary>A PNG starts with these eight bytes.</summary>
    public bool IsPng => Bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
}
