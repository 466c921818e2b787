using System.Text.Json;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// One response_url: when it was made, what was posted to it, and — for a button pressed on a message — that message
/// as the presser now sees it. As Slack's docs for response_url say: a body with delete_original true removes the
/// message the interaction came from; replace_original true puts the body in its place (a private message stays
/// private); anything else is a new message, ephemeral unless response_type is in_channel.
/// </summary>
internal sealed class FakeSlackResponseUrl(DateTimeOffset created, FakeSlackShownMessage? original = null)
{
    private readonly Lock _gate = new();
    private readonly List<JsonElement> _posts = [];
    private readonly List<FakeSlackShownMessage> _sent = [];
    private FakeSlackShownMessage? _original = original;

    /// <summary>Null when recorded; otherwise Slack's reason for refusing (used_url, expired_url).</summary>
    public string? TryRecord(JsonElement body, DateTimeOffset createdNoEarlierThan)
    {
        lock (_gate)
        {
            if (created < createdNoEarlierThan)
            {
                return "expired_url";
            }

            if (_posts.Count >= FakeSlackResponseUrls.MaxUses)
            {
                return "used_url";
            }

            _posts.Add(body);
            if (Flag(body, "delete_original"))
            {
                _original = null;
            }
            else if (Flag(body, "replace_original"))
            {
                // A command's own response_url has no message of ours to replace: recorded, and nothing else changes.
                _original = _original is { } shown ? shown with { Body = body } : null;
            }
            else
            {
                var inChannel = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("response_type", out var type)
                    && type.ValueKind == JsonValueKind.String && type.GetString() == "in_channel";
                _sent.Add(new FakeSlackShownMessage(body, Ephemeral: !inChannel));
            }

            return null;
        }
    }

    public IReadOnlyList<JsonElement> Posts()
    {
        lock (_gate)
        {
            return [.. _posts];
        }
    }

    public FakeSlackShownMessage? Original()
    {
        lock (_gate)
        {
            return _original;
        }
    }

    public IReadOnlyList<FakeSlackShownMessage> Sent()
    {
        lock (_gate)
        {
            return [.. _sent];
        }
    }

    private static bool Flag(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() == "true"));
}
