namespace ResultsBot.Discord.Wire;

/// <summary>Op 2's data. <paramref name="Shard"/> is [shard_id, num_shards]: which guilds' events this session gets; left out when the bot runs one shard.</summary>
public sealed record GatewayIdentify(string Token, int Intents, GatewayIdentifyProperties Properties, GatewayPresence? Presence, int[]? Shard = null);
