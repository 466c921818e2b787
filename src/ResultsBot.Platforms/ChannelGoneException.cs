namespace ResultsBot.Platforms;

/// <summary>The channel cannot take posts and will not by itself (deleted, bot removed, archived): pause it.</summary>
public sealed class ChannelGoneException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason => Message;
}
