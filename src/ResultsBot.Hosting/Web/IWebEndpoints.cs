using Microsoft.AspNetCore.Routing;

namespace ResultsBot.Operations;

/// <summary>Endpoints a platform adds to the bot's web server (Discord's interactions, Slack's slash commands).</summary>
public interface IWebEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}
