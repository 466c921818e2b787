using System.Text.Json.Serialization;

namespace ResultsBot.Slack.Wire;

/// <summary>
/// Message metadata: our posts carry event_type "resultsbot_post" with the delivery's idempotency key, so a post that
/// may already be in a channel after a crash can be found in its history. Other apps' metadata read from history
/// has other payloads: whatever their delivery_id holds is read as text and never matches ours by accident of type.
/// </summary>
public sealed record MessageMetadata(string EventType, PostMetadataPayload EventPayload);

/// <summary>Our event_payload: the delivery's idempotency key.</summary>
public sealed record PostMetadataPayload([property: JsonConverter(typeof(AnyValueAsTextConverter))] string? DeliveryId);
