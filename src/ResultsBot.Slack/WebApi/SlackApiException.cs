namespace ResultsBot.Slack.WebApi;

/// <summary>
/// Slack refused a call for a reason that is not the post's fault nor the channel's (a bad token, an
/// unexpected error code): the delivery stays queued and is tried again later.
/// </summary>
public sealed class SlackApiException(string message, string? error) : Exception(message)
{
    /// <summary>Slack's error code, e.g. invalid_auth.</summary>
    public string? Error { get; } = error;
}
