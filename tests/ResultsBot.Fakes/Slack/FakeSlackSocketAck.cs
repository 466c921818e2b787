using System.Text.Json;

namespace ResultsBot.Fakes.Slack;

/// <summary>An ack the fake received: for which envelope, on which connection (1, 2…), when, and its payload if any.</summary>
public sealed record FakeSlackSocketAck(string EnvelopeId, int ConnectionNumber, DateTimeOffset At, JsonElement? Payload);
