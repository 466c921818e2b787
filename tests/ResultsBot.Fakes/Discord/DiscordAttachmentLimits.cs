namespace ResultsBot.Fakes.Discord;

/// <summary>Discord's documented limits on attachments (message resource, "Attachment Object").</summary>
public static class DiscordAttachmentLimits
{
    /// <summary>An attachment's description (alt text) is at most 1024 characters.</summary>
    public const int MaxDescription = 1024;

    /// <summary>At most 10 attachments a message.</summary>
    public const int MaxAttachments = 10;
}
