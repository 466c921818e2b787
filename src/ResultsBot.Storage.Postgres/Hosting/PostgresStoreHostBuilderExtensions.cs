using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Application.Storage;
using ResultsBot.Hosting.Storage;
using ResultsBot.Settings;

namespace ResultsBot.Storage.Postgres.Hosting;

/// <summary>The PostgreSQL store as one line where the host is composed: ConnectionStrings:ResultsBot behind every storage port.</summary>
public static class PostgresStoreHostBuilderExtensions
{
    /// <summary>
    /// Claims ConnectionStrings:ResultsBot when it names a PostgreSQL server (<see cref="DatabaseKind.IsPostgres"/>) and
    /// adds nothing otherwise. The database is connected to and migrated when the host resolves the store, so a server out
    /// of reach or a bad string stops the bot then, naming the setting. <paramref name="keep"/> is taken for the same
    /// shape as the other stores: a configured server is always the one used, as a configured SQLite file is.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresStore(this IHostApplicationBuilder builder, bool keep)
    {
        _ = keep;
        var connection = SettingsText.Blank(builder.Configuration.GetConnectionString("ResultsBot"));
        if (!DatabaseKind.IsPostgres(connection))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddSingleton<IResultsStore>(sp => PostgresResultsStore.Open(connection!, sp.GetRequiredService<TimeProvider>()));

        // One store behind every port, so that accepting a message queues its posts in the same unit of work.
        services.AddSingleton<IResultsLog>(sp => sp.GetRequiredService<IResultsStore>());
        services.AddSingleton<IDeliveryQueue>(sp => sp.GetRequiredService<IResultsStore>());
        services.AddSingleton<ISubscriptionStore>(sp => sp.GetRequiredService<IResultsStore>());
        services.AddSingleton<IStoreProbe>(sp => sp.GetRequiredService<IResultsStore>());
        // No folder of its own, and no scratch database on the server: the warm-up uses memory.
        services.AddSingleton(new StoreLocation(null));
        return builder;
    }
}
