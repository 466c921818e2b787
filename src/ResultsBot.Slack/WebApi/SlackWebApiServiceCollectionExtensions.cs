using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ResultsBot.Platforms;

namespace ResultsBot.Slack.WebApi;

/// <summary>Wires the Web API client and the outlet. The host registers <see cref="SlackOptions"/> (and its IPlatformMonitor).</summary>
public static class SlackWebApiServiceCollectionExtensions
{
    public const string HttpClientName = "slack-web-api";

    /// <summary>
    /// Adds one shared <see cref="SlackWebApiClient"/> (it holds the pacing state, so it must be a singleton)
    /// and <see cref="SlackOutlet"/>. Register the outlet as an IPlatformOutlet where the host collects them.
    /// </summary>
    public static IServiceCollection AddSlackWebApi(this IServiceCollection services)
    {
        // The client lives as long as the app: recycle pooled connections so DNS changes are seen.
        services.AddHttpClient(HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(100))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(SlackRateLimits.Default);
        services.TryAddSingleton(sp => new SlackWebApiClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<SlackOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IPlatformMonitor>() ?? NullPlatformMonitor.Instance,
            sp.GetRequiredService<SlackRateLimits>(),
            sp.GetService<ILogger<SlackWebApiClient>>()));
        services.TryAddSingleton(sp => new SlackOutlet(sp.GetRequiredService<SlackWebApiClient>(), sp.GetService<ILogger<SlackOutlet>>()));
        return services;
    }
}
