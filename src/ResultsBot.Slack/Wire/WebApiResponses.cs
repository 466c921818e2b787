namespace ResultsBot.Slack.Wire;

/// <summary>chat.postMessage / chat.update / chat.postEphemeral: the message's ts (its id) and channel.</summary>
public sealed record ChatMessageResponse : SlackApiResponse
{
    public string? Ts { get; init; }

    public string? Channel { get; init; }
}

/// <summary>conversations.history / conversations.replies: the newest messages first.</summary>
public sealed record ConversationsHistoryResponse : SlackApiResponse
{
    public IReadOnlyList<HistoryMessage>? Messages { get; init; }
}

/// <summary>A message as history shows it: the parts the crash check reads.</summary>
public sealed record HistoryMessage(string? Ts, string? Text, HistoryMetadata? Metadata);

/// <summary>Metadata as history shows it, from any app: event_payload may be shaped as that app likes (null unless an object).</summary>
public sealed record HistoryMetadata(string? EventType, [property: System.Text.Json.Serialization.JsonConverter(typeof(PostMetadataPayloadConverter))] PostMetadataPayload? EventPayload);

/// <summary>auth.test: who the bot token belongs to.</summary>
public sealed record AuthTestResponse : SlackApiResponse
{
    public string? User { get; init; }

    public string? UserId { get; init; }

    public string? Team { get; init; }

    public string? TeamId { get; init; }

    public string? BotId { get; init; }
}

/// <summary>apps.connections.open: a single-use Socket Mode URL.</summary>
public sealed record ConnectionsOpenResponse : SlackApiResponse
{
    public string? Url { get; init; }
}

/// <summary>files.getUploadURLExternal: where to POST the bytes, and the file's id.</summary>
public sealed record UploadUrlResponse : SlackApiResponse
{
    public string? UploadUrl { get; init; }

    public string? FileId { get; init; }
}

/// <summary>files.completeUploadExternal's body: the files to finish, with no channel (they stay unshared).</summary>
public sealed record CompleteUploadRequest(IReadOnlyList<UploadedFileTitle> Files);

/// <summary>A file to complete: its id and title.</summary>
public sealed record UploadedFileTitle(string Id, string? Title);

/// <summary>files.completeUploadExternal's answer: the files completed.</summary>
public sealed record CompleteUploadResponse : SlackApiResponse
{
    public IReadOnlyList<UploadedFileTitle>? Files { get; init; }
}
