namespace ResultsBot.Slack.OAuth;

/// <summary>
/// A channel in one of many workspaces, as the bot stores it: "T0123-C0456" (team id, a dash, channel id), so
/// "slack:T0123-C0456" is the subscription. Slack's channel ids are not promised unique across workspaces, and the
/// team says whose token to use. Slack's ids are letters and digits, so the dash cannot be part of either.
/// </summary>
public readonly record struct WorkspaceChannel(string TeamId, string ChannelId)
{
    public static bool TryParse(string? text, out WorkspaceChannel channel)
    {
        channel = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash <= 0 || dash == text.Length - 1 || text.IndexOf('-', dash + 1) >= 0)
        {
            return false;
        }

        channel = new WorkspaceChannel(text[..dash], text[(dash + 1)..]);
        return true;
    }

    public override string ToString() => TeamId + "-" + ChannelId;
}
