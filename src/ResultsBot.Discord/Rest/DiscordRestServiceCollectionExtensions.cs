using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Rest;

/// <summary>Wires Discord posting: one rate-limited <see cref="DiscordRestClient"/> for the bot and the <see cref="DiscordOutlet"/>.</summary>
public static class DiscordRestServiceCollectionExtensions
{
    /// <summary>The HttpClient name the REST client uses (for adding handlers or changing its timeout).</summary>
    public const string HttpClientName = "discord-rest";

    /// <summary>
    /// Registers <see cref="DiscordRestClient"/> (singleton: its rate-limit state is the bot's), <see cref="DiscordOutlet"/>
    /// and the outlet as an <see cref="IPlatformOutlet"/>. Uses TimeProvider and IPlatformMonitor from the container when
    /// registered (system clock and no monitor otherwise), and IGlobalLimitShare and IBotWideSlots when several instances
    /// share the bot.
    /// </summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services, DiscordOptions options, TimeSpan? requestTimeout = null)
    {
        services.AddHttpClient(HttpClientName, http => http.Timeout = requestTimeout ?? TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            options,
            sp.GetService<TimeProvider>(),
            sp.GetService<IPlatformMonitor>(),
            sp.GetService<ILogger<DiscordRestClient>>(),
            sp.GetService<IGlobalLimitShare>(),
            sp.GetService<IBotWideSlots>()));
        services.AddSingleton(sp => new DiscordOutlet(
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetService<ILogger<DiscordOutlet>>(),
            sp.GetService<TimeProvider>(),
            options.NonceWindow,
            sp.GetService<IForumThreadStore>(),
            options.ForumTitle));
        services.AddSingleton<IPlatformOutlet>(sp => sp.GetRequiredService<DiscordOutlet>());
        services.AddSingleton<IMessagePublisher>(sp => new Publishing.DiscordPublisher(sp.GetRequiredService<DiscordRestClient>()));
        return services;
    }
}
