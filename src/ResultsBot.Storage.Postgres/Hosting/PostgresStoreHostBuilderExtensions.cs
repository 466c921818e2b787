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
        services.AddResultsStore(sp => PostgresResultsStore.Open(connection!, sp.GetRequiredService<TimeProvider>()));
        // No folder of its own, and no scratch database on the server: the warm-up uses memory.
        services.AddSingleton(new StoreLocation(null));
        return builder;
    }
}
