using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Commands;
using ResultsBot.Discord.Gateway;
using ResultsBot.Discord.Interactions;
using ResultsBot.Platforms;

namespace ResultsBot.Discord;

/// <summary>Wires Discord's incoming side: slash-command registration, the interaction handler and, in Gateway mode, the Gateway client.</summary>
public static class DiscordInteractionsServiceCollectionExtensions
{
    /// <summary>The named HttpClient for callbacks, follow-ups and registration (its request logging is off: URLs carry interaction tokens).</summary>
    public const string HttpClientName = "discord-interactions";

    /// <summary>
    /// Needs IBotCommands, IPlatformMonitor and TimeProvider registered by the host. In Interactions mode, also map
    /// the endpoint: <c>app.MapDiscordInteractions(app.Services.GetRequiredService&lt;DiscordInteractionHandler&gt;(), options, time)</c>.
    /// </summary>
    /// <param name="adminUserIds">Discord user ids that count as admins everywhere.</param>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services, DiscordOptions options, IEnumerable<string>? adminUserIds = null)
    {
        var admins = adminUserIds?.ToArray() ?? [];
        services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        services.AddSingleton(sp => new DiscordInteractionHandler(
            options,
            Http(sp),
            sp.GetRequiredService<IBotCommands>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IPlatformMonitor>(),
            sp.GetRequiredService<ILogger<DiscordInteractionHandler>>(),
            admins));
        services.AddSingleton(sp => new DiscordCommandRegistrar(
            options,
            Http(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IPlatformMonitor>(),
            sp.GetRequiredService<ILogger<DiscordCommandRegistrar>>()));
        services.AddHostedService<DiscordCommandRegistrationService>();
        if (options.Mode == DiscordMode.Gateway)
        {
            // The shards this instance holds the leases of: all of them unless other instances share the store.
            services.AddSingleton(sp => new DiscordGatewayShards(
                options,
                Http(sp),
                sp.GetRequiredService<DiscordInteractionHandler>(),
                sp.GetRequiredService<IPlatformMonitor>(),
                sp.GetService<IShardLeases>() ?? new AllShardsHere(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>(),
                sp.GetService<IOperationsChannel>(),
                sp.GetService<IIdentifyTurns>()));
            services.AddHostedService(sp => sp.GetRequiredService<DiscordGatewayShards>());
            // Found when a status is shown, not when the desk is made: the shards answer commands, which read the
            // desk, so taking them at construction would be a cycle (a deadlock at start).
            services.AddSingleton<IBotPresence>(sp => new DeferredPresence(() => sp.GetRequiredService<DiscordGatewayShards>()));
        }

        return services;
    }

    private static HttpClient Http(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
