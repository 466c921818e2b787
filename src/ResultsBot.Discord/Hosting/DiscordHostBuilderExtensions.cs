using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Chat;
using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Rest;
using ResultsBot.Operations;
using ResultsBot.Platforms;
using ResultsBot.Settings;

namespace ResultsBot.Discord.Hosting;

/// <summary>Discord as one line where the host is composed: its settings, outlet, connection, endpoint, sign-in, start-up log and warm-up.</summary>
public static class DiscordHostBuilderExtensions
{
    /// <summary>
    /// Reads and checks the Discord: section (a bad value stops the bot at start, naming the key). With no
    /// Discord:BotToken, Discord is off and nothing is added.
    /// </summary>
    /// <param name="connect">False for the verbs that post to the terminal only (replay, ask, check): the settings are checked and the configured channels named, nothing connects.</param>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder, bool connect = true)
    {
        KnownSettings.Of(builder).Claim(builder.Configuration, DiscordSettings.Section, DiscordSettings.Keys);
        if (DiscordSettings.Read(builder.Configuration) is not { } options)
        {
            return builder;
        }

        var services = builder.Services;
        services.AddSingleton(new ConfiguredChannels([.. options.Channels.Select(c => "discord:" + c)]));
        if (!connect)
        {
            return builder;
        }

        if (options.Mode == DiscordMode.Gateway)
        {
            // Registered before the Gateway client, so /readyz says "connecting" until it has said hello.
            services.AddSingleton<IHostedService>(sp => new ExpectedConnections(sp.GetRequiredService<IPlatformMonitor>(), ["discord"]));
        }

        services.AddHostedService<DiscordStartupLog>();
        services.AddSingleton(options);
        services.AddDiscordRest(options);
        services.AddDiscordInteractions(options, SettingsText.Admins(builder.Configuration));
        services.AddSingleton<IPlatformWarmup, DiscordWarmup>();
        services.AddHostedService<DiscordSignIn>();
        if (options.Mode == DiscordMode.Interactions)
        {
            services.AddSingleton<IWebEndpoints>(sp => new DiscordInteractionsWebEndpoint(sp.GetRequiredService<DiscordInteractionHandler>(), options, sp.GetRequiredService<TimeProvider>()));
        }

        return builder;
    }
}
