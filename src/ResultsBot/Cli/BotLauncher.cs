using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Feeds.Sources;
using ResultsBot.Logging;
using ResultsBot.Operations;
using ResultsBot.Settings;
using ResultsBot.Application.Storage;
using ResultsBot.Discord.Hosting;
using ResultsBot.Slack.Hosting;
using ResultsBot.Storage.Hosting;
using ResultsBot.Storage.Postgres.Hosting;
using ResultsBot.Terminal;
using ResultsBot.Verbs;

namespace ResultsBot.Cli;

/// <summary>Parses the command line, builds the host for the verb and runs it. Exit codes: 0 fine, 1 the verb found a problem (or a failure stopped the bot), 2 bad usage or settings.</summary>
public static class BotLauncher
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        CommandLine cli;
        try
        {
            cli = CommandLine.Parse(args);
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}\n\n{Usage.Text}");
            return 2;
        }

        if (cli.Verb == "help")
        {
            await output.WriteLineAsync(Usage.Text);
            return 0;
        }

        var overrides = new Dictionary<string, string?>();
        if (cli.Verb is "replay" or "check" && cli.Argument is not null)
        {
            overrides["Feed:Source"] = cli.Argument;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "ResultsBot",
        });
        BotSettings settings;
        var running = cli.Verb == "run";
        try
        {
            builder.AddResultsBotConfiguration(cli.SettingArguments, overrides);

            // The one place that names the parts: each reads and checks its own settings and wires itself.
            builder.AddSqliteStore(keep: running);
            builder.AddPostgresStore(keep: running);
            builder.AddDiscord(connect: running);
            builder.AddSlack(connect: running);
            builder.AddConsole(cli.Verb is "run" or "replay" ? output : null, running);

            settings = SettingsReader.Read(builder.Configuration, KnownSettings.Of(builder).Sections);
        }
        catch (SettingsException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }

        builder.AddResultsBotLogging(cli.Verb == "run" ? LogLevel.Information : LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        FatalErrors.Configure(builder.Services);

        builder.AddResultsBot(settings, running);
        if (running)
        {
            builder.AddResultsBotServices(settings, RunVerb.Plan(settings), input, output);
            builder.AddServiceManagerNotifications();
        }

        try
        {
            using var host = builder.Build();
            return cli.Verb switch
            {
                "run" => await RunVerb.RunAsync(host, error),
                "replay" => await ReplayVerb.RunAsync(host, settings),
                "ask" => await AskVerb.RunAsync(host, cli.Argument!, output, settings.ConsoleCaller),
                "check" => await CheckVerb.RunAsync(host, output, error),
                _ => 2,
            };
        }
        catch (Exception ex) when (ex is StorageException or FeedSourceException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }
}
