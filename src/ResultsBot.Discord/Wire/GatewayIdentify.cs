namespace ResultsBot.Discord.Wire;

/// <summary>IDENTIFY's data: the token, no intents (interactions need none), who we are, and the status to show from the start.</summary>
public sealed record GatewayIdentify(string Token, int Intents, GatewayIdentifyProperties Properties, GatewayPresence? Presence);
