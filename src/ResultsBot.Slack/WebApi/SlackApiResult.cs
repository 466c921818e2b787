using System.Text.Json;

namespace ResultsBot.Slack.WebApi;

/// <summary>
/// What a Web API method answered. Slack says "no" with HTTP 200 and <c>ok: false</c>, so callers
/// look at <see cref="Ok"/> and <see cref="Error"/> (and <see cref="Kind"/> to decide what to do).
/// </summary>
/// <param name="Body">The whole JSON answer, for the method-specific parts (ts, messages…).</param>
public sealed record SlackApiResult(bool Ok, string? Error, JsonElement Body)
{
    public SlackErrorKind Kind => Ok ? SlackErrorKind.None : SlackErrors.Classify(Error);

    /// <summary>response_metadata.messages (e.g. why blocks were invalid) and .warnings, for logs and exceptions.</summary>
    public IReadOnlyList<string> Details => [.. Strings("messages"), .. Strings("warnings")];

    /// <summary>A top-level string property such as "ts" or "channel".</summary>
    public string? GetString(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>"chat.postMessage failed: invalid_blocks (…details…)", for exceptions and logs.</summary>
    public string Describe(string method) =>
        Details.Count == 0 ? $"{method} failed: {Error}" : $"{method} failed: {Error} ({string.Join("; ", Details)})";

    private IEnumerable<string> Strings(string name)
    {
        if (Body.ValueKind != JsonValueKind.Object
            || !Body.TryGetProperty("response_metadata", out var metadata)
            || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty(name, out var list)
            || list.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                yield return item.GetString()!;
            }
        }
    }
}
