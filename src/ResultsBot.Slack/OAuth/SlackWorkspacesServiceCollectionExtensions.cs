using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Storage;
using ResultsBot.Chat;
using ResultsBot.Operations;
using ResultsBot.Platforms;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.Hosting;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.OAuth;

/// <summary>
/// Slack in many workspaces (Slack:ClientId): the install flow, the lifecycle events, posts routed to each channel's
/// workspace and commands answered there. Slash commands and events come over HTTP; there is no single token to sign
/// in with, so each workspace's token is checked by Slack when the install completes.
/// </summary>
internal static class SlackWorkspacesServiceCollectionExtensions
{
    private const string CommandsClient = "slack-oauth-commands";

    public static IServiceCollection AddSlackWorkspaces(this IServiceCollection services, SlackOptions options, SlackOAuthOptions oauth)
    {
        services.AddSingleton(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(SlackWebApiServiceCollectionExtensions.HttpClientName);
            var limits = sp.GetRequiredService<SlackRateLimits>();
            // An app installed into other workspaces reads history on the distributed apps' terms (a minute apart, 15 messages).
            var distributed = limits with { HistoryLookback = SlackRateLimits.Distributed.HistoryLookback, HistoryInterval = limits.HistoryInterval ?? SlackRateLimits.Distributed.HistoryInterval };
            var time = sp.GetRequiredService<TimeProvider>();
            var monitor = sp.GetService<IPlatformMonitor>() ?? NullPlatformMonitor.Instance;
            var clientLogger = sp.GetService<ILogger<SlackWebApiClient>>();
            return new SlackWorkspaces(
                sp.GetRequiredService<IWorkspaceInstalls>(),
                new TokenSeal(oauth.TokenKey),
                time,
                token => new SlackWebApiClient(http, options with { BotToken = token }, time, monitor, distributed, clientLogger),
                sp.GetRequiredService<ILogger<SlackWorkspaces>>(),
                sp.GetService<ILogger<SlackOutlet>>());
        });
        services.AddSingleton<IPlatformOutlet>(sp => new WorkspaceRoutingOutlet(sp.GetRequiredService<SlackWorkspaces>()));
        services.AddSingleton<IPlatformWarmup, SlackWarmup>();
        services.AddHttpClient(CommandsClient, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => new SlashCommandHandler(
            options,
            sp.GetRequiredService<IBotCommands>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(CommandsClient),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlashCommandHandler>>())
        {
            Workspaces = sp.GetRequiredService<SlackWorkspaces>(),
        });
        services.AddSingleton<IWebEndpoints>(sp => new SlackCommandsEndpoint(sp.GetRequiredService<SlashCommandHandler>()));
        // Answers carry the Share to channel button in every workspace: its presses come here as in one workspace.
        services.AddSingleton<IWebEndpoints>(sp => new Hosting.SlackInteractivityWebEndpoint(sp.GetRequiredService<SlashCommandHandler>()));
        services.AddSingleton<IWebEndpoints>(sp => new SlackInstallEndpoints(
            options,
            oauth,
            new InstallState(oauth.TokenKey, sp.GetRequiredService<TimeProvider>()),
            new OAuthExchange(sp.GetRequiredService<IHttpClientFactory>().CreateClient(SlackWebApiServiceCollectionExtensions.HttpClientName), options, oauth),
            sp.GetRequiredService<SlackWorkspaces>(),
            sp.GetRequiredService<ILogger<SlackInstallEndpoints>>()));
        // Its events come through the one POST /slack/events, which the Home tab shares (SlackEventsWebEndpoint).
        services.AddSingleton(sp => new SlackLifecycleEvents(sp.GetRequiredService<SlackWorkspaces>()));
        return services;
    }
}
