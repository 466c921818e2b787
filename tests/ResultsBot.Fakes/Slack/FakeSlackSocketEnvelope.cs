using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// An envelope the fake delivers (slash_commands or events_api). Like Slack, the fake delivers it again,
/// with retry_attempt raised, when no ack came within <see cref="FakeSlackSocketMode.RedeliverAfter"/>.
/// </summary>
public sealed class FakeSlackSocketEnvelope
{
    private readonly TaskCompletionSource<FakeSlackSocketAck> _acked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<int> _sentTo = new();
    private int _deliveries;
    private int _acks;

    internal FakeSlackSocketEnvelope(string envelopeId, string type, JsonObject payload, Uri? responseUrl, bool acceptsResponsePayload)
    {
        AcceptsResponsePayload = acceptsResponsePayload;
        EnvelopeId = envelopeId;
        Type = type;
        Payload = payload;
        ResponseUrl = responseUrl;
    }

    public string EnvelopeId { get; }

    public string Type { get; }

    /// <summary>Whether the ack may carry the answer (true for slash commands unless a test says otherwise).</summary>
    public bool AcceptsResponsePayload { get; }

    /// <summary>For slash commands: where a late answer should go (read it with the fake's ResponseUrls).</summary>
    public Uri? ResponseUrl { get; }

    /// <summary>How many times it has been sent (1 + retries).</summary>
    public int Deliveries => Volatile.Read(ref _deliveries);

    /// <summary>The connections (1, 2…) it was sent to, in order: one a delivery.</summary>
    public IReadOnlyList<int> Connections => [.. _sentTo];

    /// <summary>How many acks came for it (an envelope answered once has one).</summary>
    public int AckCount => Volatile.Read(ref _acks);

    /// <summary>The first ack received.</summary>
    public Task<FakeSlackSocketAck> Acked => _acked.Task;

    internal JsonObject Payload { get; }

    internal bool IsAcked => _acked.Task.IsCompleted;

    internal int NextAttempt() => Interlocked.Increment(ref _deliveries) - 1;

    internal void RecordAck(FakeSlackSocketAck ack)
    {
        Interlocked.Increment(ref _acks);
        _acked.TrySetResult(ack);
    }

    internal void SentTo(int connection) => _sentTo.Enqueue(connection);

    internal string Frame(int retryAttempt) =>
        new JsonObject
        {
            ["envelope_id"] = EnvelopeId,
            ["type"] = Type,
            ["accepts_response_payload"] = AcceptsResponsePayload,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt == 0 ? "" : "timeout",
            ["payload"] = Payload.DeepClone(),
        }.ToJsonString();
}
