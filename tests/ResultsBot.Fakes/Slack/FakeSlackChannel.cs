namespace ResultsBot.Fakes.Slack;

/// <summary>One channel's state in the fake: its messages in order and what is wrong with it, if anything.</summary>
internal sealed class FakeSlackChannel(string id, FakeSlackPace pace)
{
    public string Id { get; } = id;

    public List<FakeSlackMessage> Messages { get; } = [];

    public FakeSlackPace Pace { get; } = pace;

    public bool Archived { get; set; }

    public bool Deleted { get; set; }

    public bool BotIsMember { get; set; } = true;

    /// <summary>The error a write to this channel gets, if any.</summary>
    public string? WriteError => Deleted ? "channel_not_found" : Archived ? "is_archived" : !BotIsMember ? "not_in_channel" : null;

    /// <summary>The error a read of this channel gets, if any.</summary>
    public string? ReadError => Deleted ? "channel_not_found" : !BotIsMember ? "not_in_channel" : null;
}
