using System.Text.Json.Serialization;
using ResultsBot.Slack.Commands;

namespace ResultsBot.Slack.Wire;

/// <summary>
/// The one source-generated JSON context for everything the bot sends to or reads from Slack: Web API requests and
/// answers, Block Kit, message metadata, Socket Mode frames and acks, slash command payloads and response_url bodies.
/// Slack's names are snake_case; nulls are left out when writing (Slack reads a missing field as "not given", a null
/// as a wrong type); fields Slack adds later are ignored when reading, and a number Slack sends as a string is read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ChatMessageRequest))]
[JsonSerializable(typeof(ChatMessageResponse))]
[JsonSerializable(typeof(ChatDeleteRequest))]
[JsonSerializable(typeof(ConversationsHistoryResponse))]
[JsonSerializable(typeof(PostMetadataPayload))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(CompleteUploadRequest))]
[JsonSerializable(typeof(CompleteUploadResponse))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(ViewsPublishRequest))]
[JsonSerializable(typeof(SocketFrame))]
[JsonSerializable(typeof(SocketAck))]
[JsonSerializable(typeof(SlashCommandPayload))]
[JsonSerializable(typeof(EventsApiPayload))]
[JsonSerializable(typeof(InteractivePayload))]
[JsonSerializable(typeof(SlackCommandResponse))]
[JsonSerializable(typeof(ResponseUrlDelete))]
[JsonSerializable(typeof(IReadOnlyList<SlackBlock>))]
[JsonSerializable(typeof(OAuthAccessResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
