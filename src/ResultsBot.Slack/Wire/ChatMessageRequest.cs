namespace ResultsBot.Slack.Wire;

/// <summary>
/// The body of chat.postMessage, chat.update and chat.postEphemeral: the fallback text (always set, never read as
/// mrkdwn: it is feed text), the blocks, no unfurling of anything the feed wrote, and per method its extra fields.
/// </summary>
/// <param name="Blocks">Left out when null; chat.update gets an empty list to remove the old blocks.</param>
public sealed record ChatMessageRequest(string Channel, string Text, IReadOnlyList<SlackBlock>? Blocks)
{
    public bool Mrkdwn { get; init; }

    public bool UnfurlLinks { get; init; }

    public bool UnfurlMedia { get; init; }

    /// <summary>chat.update: the message to edit.</summary>
    public string? Ts { get; init; }

    /// <summary>chat.postMessage: makes it a reply in the thread under this message.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>chat.postMessage: our delivery id, to find the post after a crash.</summary>
    public MessageMetadata? Metadata { get; init; }

    /// <summary>chat.postEphemeral: the one person who sees it.</summary>
    public string? User { get; init; }
}

/// <summary>chat.delete's body.</summary>
public sealed record ChatDeleteRequest(string Channel, string Ts);
