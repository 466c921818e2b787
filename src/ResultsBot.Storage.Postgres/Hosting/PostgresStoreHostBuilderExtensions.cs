using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Instances;
using ResultsBot.Platforms;
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
    /// of reach or a bad string stops the bot then, naming the setting. A configured server is always the one used, as a
    /// configured SQLite file is; <paramref name="keep"/> (the long-running bot) also makes this instance one of those that
    /// may share the database: it reads the feed only while it holds the feed lease, and hears what the others do.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresStore(this IHostApplicationBuilder builder, bool keep)
    {
        var connection = SettingsText.Blank(builder.Configuration.GetConnectionString("ResultsBot"));
        if (!DatabaseKind.IsPostgres(connection))
        {
            return builder;
        }

        var services = builder.Services;
        // Shared with other instances, the store checks the delivery lease in the statement that marks a post attempted.
        services.AddResultsStore(sp => PostgresResultsStore.Open(connection!, sp.GetRequiredService<TimeProvider>(), sp.GetService<PostgresInstanceCoordination>()));
        // No folder of its own, and no scratch database on the server: the warm-up uses memory.
        services.AddSingleton(new StoreLocation(null));
        if (keep)
        {
            services.AddSingleton(sp => new PostgresInstanceCoordination(
                connection!, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresInstanceCoordination>>()));
            services.AddSingleton<IInstanceCoordination>(sp => sp.GetRequiredService<PostgresInstanceCoordination>());
            // The same session holds the Gateway shards' leases: they end with it, as the feed lease does.
            services.AddSingleton<IShardLeases>(sp => sp.GetRequiredService<PostgresInstanceCoordination>());
            // Discord counts identifies per bot token: the instances take each bucket's turn between them.
            services.AddSingleton<IIdentifyTurns>(sp => new PostgresIdentifyTurns(
                connection!, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresIdentifyTurns>>()));
            // And Discord's global limit per bot token: its slots are kept in the database, taken by whichever instance
            // has requests waiting; while the database is out of reach each keeps to its fixed part of the limit.
            services.AddSingleton(sp => new PostgresBotWideSlots(
                connection!,
                new InstanceLimitShare(sp.GetRequiredService<IInstanceCoordination>()),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PostgresBotWideSlots>>()));
            services.AddSingleton<IBotWideSlots>(sp => sp.GetRequiredService<PostgresBotWideSlots>());
            services.AddSingleton<IGlobalLimitShare>(sp => sp.GetRequiredService<PostgresBotWideSlots>());
        }

        return builder;
    }
}
