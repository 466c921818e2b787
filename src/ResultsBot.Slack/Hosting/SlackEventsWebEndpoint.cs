using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ResultsBot.Slack.AppHome;
using ResultsBot.Slack.OAuth;
using ResultsBot.Operations;

namespace ResultsBot.Slack.Hosting;

/// <summary>
/// POST /slack/events on the bot's web server, in Http mode: the app's one Events API request URL, for the Home tab's
/// app_home_opened and, when installed into many workspaces, their uninstalls and revoked tokens.
/// </summary>
internal sealed class SlackEventsWebEndpoint(SlackAppHome? home, SlackLifecycleEvents? lifecycle, SlackOptions options, TimeProvider time, ILogger<SlackEventsWebEndpoint> logger) : IWebEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapSlackEvents(home, options.SigningSecret!, time, logger, lifecycle);

    public override string ToString() => "POST " + SlackEventsEndpoint.DefaultPath;
}
