using System.Text.Json;

namespace ResultsBot.Slack.SocketMode;

/// <summary>One delivery from Slack: slash_commands, events_api or interactive, to be acknowledged by id.</summary>
/// <param name="RetryAttempt">0 the first time; Slack delivers again (with this raised) what was not acknowledged in time.</param>
internal sealed record SocketEnvelope(string EnvelopeId, string Type, JsonElement Payload, bool AcceptsResponsePayload, int RetryAttempt);
