using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Application.Storage;
using ResultsBot.Hosting.Storage;
using ResultsBot.Storage.Hosting;
using ResultsBot.Storage.Postgres.Hosting;

namespace ResultsBot.Tests.Settings;

/// <summary>ConnectionStrings:ResultsBot chooses the store: exactly one of SQLite and PostgreSQL claims any value.</summary>
public sealed class StoreChoiceTests
{
    [Theory]
    [InlineData("Host=db.example;Database=night;Username=bot", true)]
    [InlineData("Server=10.0.0.5;Port=5433;Database=night", true)]
    [InlineData(" host = db ; database = night ", true)]
    [InlineData("Data Source=resultsbot.db", false)]
    [InlineData("Data Source=/srv/Host=odd/bot.db", false)]
    [InlineData("Data Source=:memory:", false)]
    [InlineData("this is not one", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsPostgres_ByNpgsqlsServerKeyword(string? connectionString, bool expected) =>
        Assert.Equal(expected, DatabaseKind.IsPostgres(connectionString));

    [Theory]
    [InlineData("Host=127.0.0.1;Database=night", "postgres")]
    [InlineData("Data Source=bot.db", "sqlite")]
    [InlineData(null, "sqlite")]
    public void AddBothStores_ExactlyTheOneTheConnectionStringNamesRegistersTheStore(string? connectionString, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (connectionString is not null)
        {
            builder.Configuration["ConnectionStrings:ResultsBot"] = connectionString;
        }

        builder.AddSqliteStore(keep: false);
        var afterSqlite = Registrations(builder);
        builder.AddPostgresStore(keep: false);

        Assert.Equal(expected == "sqlite" ? 1 : 0, afterSqlite);
        Assert.Equal(1, Registrations(builder));
    }

    private static int Registrations(HostApplicationBuilder builder) =>
        builder.Services.Count(s => s.ServiceType == typeof(IResultsStore));
}
