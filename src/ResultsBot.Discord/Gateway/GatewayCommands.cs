using System.Text.Json;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Gateway;

/// <summary>The messages the bot sends on the Gateway, as the UTF-8 JSON that goes on the socket.</summary>
internal static class GatewayCommands
{
    /// <summary>Op 1 with the last sequence seen, or null before any.</summary>
    public static byte[] Heartbeat(long? sequence) =>
        JsonSerializer.SerializeToUtf8Bytes(new GatewayCommand<long?>(GatewayOpcodes.Heartbeat, sequence), DiscordJsonContext.Default.GatewayCommandNullableInt64);

    public static byte[] Identify(GatewayIdentify identify) =>
        JsonSerializer.SerializeToUtf8Bytes(new GatewayCommand<GatewayIdentify>(GatewayOpcodes.Identify, identify), DiscordJsonContext.Default.GatewayCommandGatewayIdentify);

    public static byte[] Resume(GatewayResume resume) =>
        JsonSerializer.SerializeToUtf8Bytes(new GatewayCommand<GatewayResume>(GatewayOpcodes.Resume, resume), DiscordJsonContext.Default.GatewayCommandGatewayResume);

    public static byte[] Presence(GatewayPresence presence) =>
        JsonSerializer.SerializeToUtf8Bytes(new GatewayCommand<GatewayPresence>(GatewayOpcodes.PresenceUpdate, presence), DiscordJsonContext.Default.GatewayCommandGatewayPresence);
}
