namespace ResultsBot.Slack.Posts;

/// <summary>Block Kit's limits (Slack's reference for blocks and composition objects).</summary>
internal static class BlockKitLimits
{
    public const int Blocks = 50;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int ContextText = 3000;

    /// <summary>A button's value, sent back when it is pressed.</summary>
    public const int ButtonValue = 2000;

    /// <summary>Slack truncates past 40,000 and advises keeping the top-level text under 4,000: it is only the fallback.</summary>
    public const int FallbackText = 4000;

    public const string MoreNote = "…and more";
}
