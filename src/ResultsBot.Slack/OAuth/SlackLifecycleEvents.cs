using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.OAuth;

/// <summary>
/// The install's own events, as <c>POST /slack/events</c> (the app's one Events API request URL, shared with the Home
/// tab) hands them on: on <c>app_uninstalled</c> or a <c>tokens_revoked</c> that names the bot the workspace is forgotten
/// — its token deleted, its channels get nothing more; the other workspaces carry on.
/// </summary>
internal sealed class SlackLifecycleEvents(SlackWorkspaces workspaces)
{
    /// <summary>True when the event was the install's to act on.</summary>
    public bool Handle(EventsApiPayload payload)
    {
        switch (payload)
        {
            case { Type: "event_callback", TeamId: { } team, Event.Type: "app_uninstalled" }:
                workspaces.Forget(team, "uninstalled the app");
                return true;
            case { Type: "event_callback", TeamId: { } team, Event: { Type: "tokens_revoked", Tokens.Bot.Count: > 0 } }:
                // Slack retries an event not acknowledged within 3 seconds; forgetting twice is harmless anyway.
                workspaces.Forget(team, "revoked the bot's token");
                return true;
            default:
                return false;
        }
    }
}
