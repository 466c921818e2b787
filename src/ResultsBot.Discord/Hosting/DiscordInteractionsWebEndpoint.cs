using Microsoft.AspNetCore.Routing;
using ResultsBot.Discord.Interactions;
using ResultsBot.Operations;

namespace ResultsBot.Discord.Hosting;

/// <summary>Discord's Interactions Endpoint (Discord:Mode Interactions), on the bot's web server.</summary>
internal sealed class DiscordInteractionsWebEndpoint(DiscordInteractionHandler handler, DiscordOptions options, TimeProvider time) : IWebEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapDiscordInteractions(handler, options, time);

    public override string ToString() => "POST " + DiscordInteractionsEndpoint.DefaultPath;
}
