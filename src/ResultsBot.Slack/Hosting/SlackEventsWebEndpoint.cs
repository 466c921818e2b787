using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ResultsBot.Slack.AppHome;
using ResultsBot.Operations;

namespace ResultsBot.Slack.Hosting;

/// <summary>POST /slack/events on the bot's web server, in Http mode: the Home tab's app_home_opened.</summary>
internal sealed class SlackEventsWebEndpoint(SlackAppHome home, SlackOptions options, TimeProvider time, ILogger<SlackEventsWebEndpoint> logger) : IWebEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapSlackEvents(home, options.SigningSecret!, time, logger);

    public override string ToString() => "POST " + SlackEventsEndpoint.DefaultPath;
}
