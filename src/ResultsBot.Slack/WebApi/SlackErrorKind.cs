namespace ResultsBot.Slack.WebApi;

/// <summary>What a Slack error code means for whoever sent the request.</summary>
public enum SlackErrorKind
{
    None,

    /// <summary>The channel is gone, archived or closed to the bot: it will not take posts by itself.</summary>
    ChannelGone,

    /// <summary>The token is missing, wrong or revoked: an operator must fix it; retrying later is all the bot can do.</summary>
    Auth,

    /// <summary>This body will never be accepted (bad blocks, too long, no text…).</summary>
    Rejected,

    /// <summary>The message to edit or read does not exist (any more).</summary>
    MessageNotFound,

    /// <summary>Anything else: treat as temporary.</summary>
    Other,
}
