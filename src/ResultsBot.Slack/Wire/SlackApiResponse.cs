using System.Text.Json.Serialization;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Wire;

/// <summary>
/// What every Web API method answers. Slack says "no" with HTTP 200 and <c>ok: false</c>, so callers look at
/// <see cref="Ok"/> and <see cref="Error"/> (and <see cref="Kind"/> to decide what to do); a method's own fields are
/// on the records that extend this one. An answer without "ok" is not an answer (see <see cref="SlackWebApiClient"/>).
/// </summary>
public record SlackApiResponse
{
    private readonly string? _error;

    [JsonRequired]
    public bool Ok { get; init; }

    /// <summary>Slack's error code when not ok ("unknown_error" if it gave none, so every refusal names one); null when ok.</summary>
    public string? Error
    {
        get => Ok ? null : _error ?? "unknown_error";
        init => _error = value;
    }

    public ResponseMetadata? ResponseMetadata { get; init; }

    [JsonIgnore]
    public SlackErrorKind Kind => Ok ? SlackErrorKind.None : SlackErrors.Classify(Error);

    /// <summary>response_metadata.messages (e.g. why blocks were invalid) and .warnings, for logs and exceptions.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Details => [.. ResponseMetadata?.Messages ?? [], .. ResponseMetadata?.Warnings ?? []];

    /// <summary>"chat.postMessage failed: invalid_blocks (…details…)", for exceptions and logs.</summary>
    public string Describe(string method) =>
        Details.Count == 0 ? $"{method} failed: {Error}" : $"{method} failed: {Error} ({string.Join("; ", Details)})";
}

/// <summary>Slack's response_metadata: why a request was refused, warnings, and the cursor of a paged answer.</summary>
public sealed record ResponseMetadata(IReadOnlyList<string>? Messages, IReadOnlyList<string>? Warnings, string? NextCursor);
