using Microsoft.AspNetCore.Routing;
using ResultsBot.Operations;
using ResultsBot.Slack.Commands;

namespace ResultsBot.Slack.Hosting;

/// <summary>Slack's slash commands over HTTP (Slack:Mode Http), on the bot's web server.</summary>
internal sealed class SlackCommandsEndpoint(SlashCommandHandler handler) : IWebEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapSlackCommands(handler);

    public override string ToString() => "POST " + SlackCommandEndpoint.DefaultPath;
}
