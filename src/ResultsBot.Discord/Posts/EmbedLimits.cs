namespace ResultsBot.Discord.Posts;

/// <summary>Discord's documented embed limits (message resource, "Embed Limits").</summary>
internal static class EmbedLimits
{
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;
    public const int Total = 6000;

    /// <summary>Short single-line values sit side by side (inline); longer ones get the full width.</summary>
    public const int InlineValue = 60;
}
