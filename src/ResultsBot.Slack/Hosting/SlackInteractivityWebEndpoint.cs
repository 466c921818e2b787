using Microsoft.AspNetCore.Routing;
using ResultsBot.Operations;
using ResultsBot.Slack.Commands;

namespace ResultsBot.Slack.Hosting;

/// <summary>Slack's button presses over HTTP (Slack:Mode Http), on the bot's web server beside the slash commands.</summary>
internal sealed class SlackInteractivityWebEndpoint(SlashCommandHandler handler) : IWebEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapSlackInteractivity(handler);

    public override string ToString() => "POST " + SlackInteractivityEndpoint.DefaultPath;
}
