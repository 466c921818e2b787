using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Application.Storage;
using ResultsBot.Hosting.Storage;
using ResultsBot.Settings;

namespace ResultsBot.Storage.Hosting;

/// <summary>The SQLite store as one line where the host is composed: ConnectionStrings:ResultsBot behind every storage port.</summary>
public static class SqliteStoreHostBuilderExtensions
{
    public const string DefaultConnectionString = "Data Source=resultsbot.db";

    /// <summary>
    /// Opens ConnectionStrings:ResultsBot when the host resolves the store (a bad one fails then, naming it). With none
    /// given, a file beside the working directory when <paramref name="keep"/> (the running bot), else memory
    /// (replay, ask and check leave nothing behind). Steps aside for a PostgreSQL connection string
    /// (<see cref="DatabaseKind.IsPostgres"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSqliteStore(this IHostApplicationBuilder builder, bool keep)
    {
        var configured = SettingsText.Blank(builder.Configuration.GetConnectionString("ResultsBot"));
        if (DatabaseKind.IsPostgres(configured))
        {
            return builder; // The PostgreSQL store's to claim.
        }

        var connection = configured ?? (keep ? DefaultConnectionString : null);
        var services = builder.Services;
        services.AddResultsStore(sp => connection is null
            ? SqliteResultsStore.InMemory(sp.GetRequiredService<TimeProvider>())
            : SqliteResultsStore.Open(connection, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ScratchStore>(SqliteResultsStore.InMemory);
        services.AddSingleton(new StoreLocation(Folder(connection)));
        return builder;
    }

    /// <summary>The database file's folder; none for memory, or a connection string that does not parse (opening it says why).</summary>
    private static string? Folder(string? connection)
    {
        try
        {
            var file = connection is null ? "" : new SqliteConnectionStringBuilder(connection).DataSource;
            return file is "" or ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
