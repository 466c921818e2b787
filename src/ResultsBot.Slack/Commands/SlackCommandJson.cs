using System.Text.Json.Serialization;
using ResultsBot.Slack.SocketMode;

namespace ResultsBot.Slack.Commands;

/// <summary>Source-generated JSON for what we send back to Slack (snake_case, nulls left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackCommandResponse))]
[JsonSerializable(typeof(SlackPictureResponse))]
[JsonSerializable(typeof(SocketAck))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
internal sealed partial class SlackCommandJson : JsonSerializerContext;
