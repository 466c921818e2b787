using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Discord;
using ResultsBot.Discord.Rest;
using ResultsBot.Settings;

namespace ResultsBot;

/// <summary>Wiring for the chat platforms the settings turn on (the running bot only: replay and ask post to the terminal).</summary>
public static class PlatformHostBuilderExtensions
{
    public static IHostApplicationBuilder AddChatPlatforms(this IHostApplicationBuilder builder, BotSettings settings)
    {
        if (settings.Discord is { } discord)
        {
            builder.AddDiscord(discord);
        }

        return builder;
    }

    private static void AddDiscord(this IHostApplicationBuilder builder, DiscordOptions options)
    {
        builder.Services.AddDiscordRest(options);
    }
}
