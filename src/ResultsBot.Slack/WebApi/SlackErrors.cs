namespace ResultsBot.Slack.WebApi;

/// <summary>Slack's error codes (from the Web API docs), sorted by what the sender should do about them.</summary>
public static class SlackErrors
{
    private static readonly HashSet<string> ChannelGone = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "account_inactive", "team_access_not_granted",
    };

    private static readonly HashSet<string> Auth = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "token_revoked", "token_expired",
    };

    private static readonly HashSet<string> Rejected = new(StringComparer.Ordinal)
    {
        "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "invalid_arguments", "too_many_attachments",
        "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large", "invalid_arg_name", "invalid_array_arg",
        "invalid_json", "json_not_object",
    };

    public static SlackErrorKind Classify(string? error) => error switch
    {
        null => SlackErrorKind.Other,
        "message_not_found" => SlackErrorKind.MessageNotFound,
        _ when ChannelGone.Contains(error) => SlackErrorKind.ChannelGone,
        _ when Auth.Contains(error) => SlackErrorKind.Auth,
        _ when Rejected.Contains(error) => SlackErrorKind.Rejected,
        _ => SlackErrorKind.Other,
    };
}
