using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests;

internal static class InteractionTestOptions
{
    /// <summary>Options pointing at the fake: REST on its /api (so /v10 is added), gateway from GET /gateway/bot.</summary>
    public static DiscordOptions For(FakeServer server, FakeDiscordInteractions fake, string? publicKey = null, string? guildId = null, DiscordMode mode = DiscordMode.Gateway) =>
        new(fake.BotToken, fake.ApplicationId, publicKey, mode, [], guildId, new Uri(server.BaseUrl, "/api"), null);
}
