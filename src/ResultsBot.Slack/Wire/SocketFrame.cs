using System.Text.Json;

namespace ResultsBot.Slack.Wire;

/// <summary>
/// Any frame Slack sends on a Socket Mode socket: hello (num_connections), disconnect (reason), or an envelope
/// (slash_commands, events_api, interactive) with its id, payload, whether the ack may carry an answer, and its retry.
/// The payload is read by type: <see cref="SlashCommandPayload"/>, <see cref="EventsApiPayload"/> or <see cref="InteractivePayload"/>.
/// </summary>
internal sealed record SocketFrame(string? Type)
{
    public string? EnvelopeId { get; init; }

    public JsonElement? Payload { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    public int RetryAttempt { get; init; }

    public string? RetryReason { get; init; }

    public int NumConnections { get; init; }

    public string? Reason { get; init; }
}

/// <summary>An events_api envelope's payload: the event callback (we ack and ignore these).</summary>
internal sealed record EventsApiPayload(string? Type, string? TeamId, string? EventId, SlackEvent? Event)
{
    /// <summary>url_verification over HTTP: Slack checks the Request URL by sending this to be echoed back.</summary>
    public string? Challenge { get; init; }
}

/// <summary>The event inside an events_api callback.</summary>
internal sealed record SlackEvent(string? Type, string? Channel, string? User)
{
    /// <summary>app_home_opened: which of the app's tabs was opened, "home" or "messages".</summary>
    public string? Tab { get; init; }

    /// <summary>tokens_revoked: whose tokens went (the bot's among them, or only users').</summary>
    public RevokedTokens? Tokens { get; init; }
}

/// <summary>
/// An interaction's payload, in a Socket Mode interactive envelope or the form field "payload" of a request to the
/// interactivity URL: block_actions (a button pressed: <see cref="Actions"/>) is answered; shortcuts and the rest are
/// acknowledged and ignored.
/// </summary>
internal sealed record InteractivePayload(string? Type, string? TriggerId, string? ResponseUrl, SlackIdentity? User, SlackIdentity? Channel)
{
    public IReadOnlyList<SlackAction>? Actions { get; init; }

    public SlackIdentity? Team { get; init; }
}

/// <summary>One action of a block_actions payload: the button's action_id and the value we gave it.</summary>
internal sealed record SlackAction(string? ActionId, string? Value, string? Type, string? BlockId);

/// <summary>A user or channel as an interactive payload names it.</summary>
internal sealed record SlackIdentity(string? Id);
