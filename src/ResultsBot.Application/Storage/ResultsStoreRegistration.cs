using Microsoft.Extensions.DependencyInjection;
using ResultsBot.Platforms;

namespace ResultsBot.Application.Storage;

/// <summary>How every store's part registers its store: one instance behind all its ports.</summary>
public static class ResultsStoreRegistration
{
    /// <summary>
    /// The store, made when first asked for, and the same instance as each port: accepting a message queues its
    /// posts in the same unit of work because the log and the queue are one store.
    /// </summary>
    public static IServiceCollection AddResultsStore(this IServiceCollection services, Func<IServiceProvider, IResultsStore> open)
    {
        services.AddSingleton(open);
        services.AddSingleton<IResultsLog>(sp => sp.GetRequiredService<IResultsStore>());
        services.AddSingleton<IDeliveryQueue>(sp => sp.GetRequiredService<IResultsStore>());
        services.AddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<IResultsStore>());
        services.AddSingleton<IWorkspaceInstalls>(sp => sp.GetRequiredService<IResultsStore>());
        services.AddSingleton<IStoreProbe>(sp => sp.GetRequiredService<IResultsStore>());
        services.AddSingleton<IPublishLog>(sp => sp.GetRequiredService<IResultsStore>());
        services.AddSingleton<IForumThreadStore>(sp => sp.GetRequiredService<IResultsStore>());
        return services;
    }
}
