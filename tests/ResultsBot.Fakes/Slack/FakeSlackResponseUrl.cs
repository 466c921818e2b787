using System.Text.Json;

namespace ResultsBot.Fakes.Slack;

/// <summary>One response_url: when it was made and what was posted to it.</summary>
internal sealed class FakeSlackResponseUrl(DateTimeOffset created)
{
    private readonly Lock _gate = new();
    private readonly List<JsonElement> _posts = [];

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
}
