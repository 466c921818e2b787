using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResultsBot.Platforms;

namespace ResultsBot.Slack.AppHome;

/// <summary>The Home tab and its refresher, the same in one workspace and in many; only where it publishes differs.</summary>
internal static class AppHomeServiceCollectionExtensions
{
    /// <param name="workspaces">The one workspace of Slack:BotToken, or each workspace the app is installed in.</param>
    public static IServiceCollection AddSlackAppHome(this IServiceCollection services, SlackOptions options, Func<IServiceProvider, IHomeWorkspaces> workspaces)
    {
        services.AddSingleton(sp => new SlackAppHome(
            workspaces(sp),
            sp.GetRequiredService<IBotCommands>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackAppHome>>()));
        services.AddHostedService(sp => new AppHomeRefresher(sp.GetRequiredService<SlackAppHome>(), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AppHomeRefresher>>()));
        return services;
    }
}
