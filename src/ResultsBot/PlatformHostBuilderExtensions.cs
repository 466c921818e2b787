using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Discord;
using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using ResultsBot.Operations;
using ResultsBot.Chat;
using ResultsBot.Platforms;
using ResultsBot.Settings;
using ResultsBot.Slack;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.SocketMode;
using ResultsBot.Slack.WebApi;

namespace ResultsBot;

/// <summary>Wiring for the chat platforms the settings turn on (the running bot only: replay and ask post to the terminal).</summary>
public static class PlatformHostBuilderExtensions
{
    private const string SlackCommandsClient = "slack-commands";

    public static IHostApplicationBuilder AddChatPlatforms(this IHostApplicationBuilder builder, BotSettings settings)
    {
        // Registered first, so it runs before the clients it waits for start connecting.
        string[] connections =
        [
            .. settings.Discord is { Mode: DiscordMode.Gateway } ? ["discord"] : Array.Empty<string>(),
            .. settings.Slack is { Mode: SlackMode.SocketMode } ? ["slack"] : Array.Empty<string>(),
        ];
        builder.Services.AddSingleton<IHostedService>(sp => new ExpectedConnections(sp.GetRequiredService<IPlatformMonitor>(), connections));
        builder.Services.AddSingleton<IHostedService>(sp => new PlatformStartupLog(settings.Discord, settings.Slack, sp.GetRequiredService<ILogger<PlatformStartupLog>>()));

        if (settings.Discord is { } discord)
        {
            builder.AddDiscord(discord, settings.Admins);
        }

        if (settings.Slack is { } slack)
        {
            // The bot's own Admins setting counts on Slack too, beside Slack:Admins.
            builder.AddSlack(slack with { Admins = slack.Admins.Union(settings.Admins).ToHashSet(StringComparer.Ordinal) });
        }

        if (settings.Discord is not null || settings.Slack is not null)
        {
            builder.Services.AddSingleton<IHostedService>(sp => new PlatformSignIn(
                sp.GetService<DiscordRestClient>(), sp.GetService<SlackWebApiClient>(), sp.GetRequiredService<ILogger<PlatformSignIn>>()));
        }

        return builder;
    }

    private static void AddSlack(this IHostApplicationBuilder builder, SlackOptions options)
    {
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSlackWebApi();
        services.AddSingleton<IPlatformOutlet>(sp => sp.GetRequiredService<SlackOutlet>());
        services.AddHttpClient(SlackCommandsClient, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => new SlashCommandHandler(
            options,
            sp.GetRequiredService<IBotCommands>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SlackCommandsClient),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlashCommandHandler>>(),
            webApi: sp.GetRequiredService<SlackWebApiClient>()));
        if (options.Mode == SlackMode.Http)
        {
            services.AddSingleton<IWebEndpoints>(sp => new SlackCommandsEndpoint(sp.GetRequiredService<SlashCommandHandler>()));
            return;
        }

        services.AddSingleton<IHostedService>(sp => new SlackSocketModeClient(
            options,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SlackCommandsClient),
            sp.GetRequiredService<SlashCommandHandler>(),
            sp.GetRequiredService<IPlatformMonitor>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackSocketModeClient>>()));
    }

    private static void AddDiscord(this IHostApplicationBuilder builder, DiscordOptions options, IReadOnlySet<string> admins)
    {
        var services = builder.Services;
        services.AddDiscordRest(options);
        services.AddDiscordInteractions(options, admins);
        if (options.Mode == DiscordMode.Interactions)
        {
            services.AddSingleton<IWebEndpoints>(sp => new DiscordInteractionsWebEndpoint(sp.GetRequiredService<DiscordInteractionHandler>(), options, sp.GetRequiredService<TimeProvider>()));
        }
    }
}
