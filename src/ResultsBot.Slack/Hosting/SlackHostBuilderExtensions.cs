using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Chat;
using ResultsBot.Operations;
using ResultsBot.Platforms;
using ResultsBot.Settings;
using ResultsBot.Slack.AppHome;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.OAuth;
using ResultsBot.Slack.SocketMode;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Hosting;

/// <summary>Slack as one line where the host is composed: its settings, outlet, connection, endpoint, sign-in, start-up log and warm-up.</summary>
public static class SlackHostBuilderExtensions
{
    private const string CommandsClient = "slack-commands";

    /// <summary>
    /// Reads and checks the Slack: section (a bad value stops the bot at start, naming the key). With no
    /// Slack:BotToken, Slack is off and nothing is added.
    /// </summary>
    /// <param name="connect">False for the verbs that post to the terminal only (replay, ask, check): the settings are checked and the configured channels named, nothing connects.</param>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder, bool connect = true)
    {
        KnownSettings.Of(builder).Claim(builder.Configuration, SlackSettings.Section, SlackSettings.Keys);
        if (SlackSettings.Read(builder.Configuration) is not { } options)
        {
            return builder;
        }

        var services = builder.Services;
        services.AddSingleton(new ConfiguredChannels([.. options.Channels.Select(c => "slack:" + c)]));
        if (!connect)
        {
            return builder;
        }

        if (options.Mode == SlackMode.SocketMode)
        {
            // Registered before the Socket Mode client, so /readyz says "connecting" until it has said hello.
            services.AddSingleton<IHostedService>(sp => new ExpectedConnections(sp.GetRequiredService<IPlatformMonitor>(), ["slack"]));
        }

        services.AddHostedService<SlackStartupLog>();
        services.AddSingleton(options);
        services.AddSlackWebApi();
        if (options.OAuth is { } oauth)
        {
            services.AddSlackWorkspaces(options, oauth);
            // The Home tab of each workspace, published with that workspace's token.
            services.AddSlackAppHome(options, sp => new InstalledHomeWorkspaces(sp.GetRequiredService<SlackWorkspaces>()));
            // The workspaces' uninstalls and revoked tokens come to the app's events endpoint, beside the Home tab's openings.
            services.AddSingleton<IWebEndpoints>(sp => new SlackEventsWebEndpoint(sp.GetRequiredService<SlackAppHome>(), sp.GetRequiredService<SlackLifecycleEvents>(), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlackEventsWebEndpoint>>()));
            return builder;
        }

        services.AddSingleton<IPlatformOutlet>(sp => sp.GetRequiredService<SlackOutlet>());
        services.AddSingleton<IPlatformWarmup, SlackWarmup>();
        services.AddHttpClient(CommandsClient, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => new SlashCommandHandler(
            options,
            sp.GetRequiredService<IBotCommands>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(CommandsClient),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlashCommandHandler>>(),
            webApi: sp.GetRequiredService<SlackWebApiClient>()));
        services.AddHostedService<SlackSignIn>();
        services.AddSlackAppHome(options, sp => new OneHomeWorkspace(sp.GetRequiredService<SlackWebApiClient>()));
        if (options.Mode == SlackMode.Http)
        {
            services.AddSingleton<IWebEndpoints>(sp => new SlackCommandsEndpoint(sp.GetRequiredService<SlashCommandHandler>()));
            services.AddSingleton<IWebEndpoints>(sp => new SlackInteractivityWebEndpoint(sp.GetRequiredService<SlashCommandHandler>()));
            services.AddSingleton<IWebEndpoints>(sp => new SlackEventsWebEndpoint(sp.GetRequiredService<SlackAppHome>(), sp.GetService<SlackLifecycleEvents>(), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlackEventsWebEndpoint>>()));
            return builder;
        }

        services.AddSingleton<IHostedService>(sp => new SlackSocketModeClient(
            options,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(CommandsClient),
            sp.GetRequiredService<SlashCommandHandler>(),
            sp.GetRequiredService<IPlatformMonitor>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackSocketModeClient>>())
        {
            AppHome = sp.GetRequiredService<SlackAppHome>(),
        });
        return builder;
    }
}
