using System.Text.Json;
using System.Text.Json.Nodes;
using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Tests.Support;

/// <summary>Typed Discord payloads as the JSON that goes on the wire, for tests that check that JSON (and the fakes' schema checks).</summary>
internal static class WireJson
{
    public static JsonObject Of(DiscordMessage message) => JsonNode.Parse(message.ToJsonString())!.AsObject();

    public static JsonObject Of(DiscordEmbed embed) => JsonNode.Parse(JsonSerializer.Serialize(embed, DiscordJsonContext.Default.DiscordEmbed))!.AsObject();

    public static JsonObject Of(ApplicationCommand command) => JsonNode.Parse(JsonSerializer.Serialize(command, DiscordJsonContext.Default.ApplicationCommand))!.AsObject();

    /// <summary>Hands the handler an interaction as the fakes write it, read by the same generated parser the Gateway uses.</summary>
    public static Task HandleFromGatewayAsync(this DiscordInteractionHandler handler, JsonObject payload, CancellationToken cancellationToken) =>
        handler.HandleFromGatewayAsync(JsonSerializer.Deserialize(payload.ToJsonString(), DiscordJsonContext.Default.DiscordInteraction)!, cancellationToken);
}
