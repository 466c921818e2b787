namespace ResultsBot.Platforms;

/// <summary>
/// Where posts go: a platform and that platform's channel id, written "discord:1234", "slack:C0123"
/// or "console" (the terminal has one channel). This string is what the store keys deliveries by.
/// </summary>
public readonly record struct ChannelAddress(string Platform, string Id)
{
    public static ChannelAddress Console { get; } = new("console", "");

    public static bool TryParse(string? text, out ChannelAddress address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            address = new ChannelAddress(text.Trim().ToLowerInvariant(), "");
            return address.Platform == "console";
        }

        var platform = text[..colon].Trim().ToLowerInvariant();
        var id = text[(colon + 1)..].Trim();
        if (platform.Length == 0 || id.Length == 0 || id.Length > 64 || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            return false;
        }

        address = new ChannelAddress(platform, id);
        return true;
    }

    public static ChannelAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not a channel (write it as platform:id, e.g. discord:1234 or slack:C0123)");

    public override string ToString() => Id.Length == 0 ? Platform : $"{Platform}:{Id}";
}
