using ResultsBot.Application.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Platforms;
using ResultsBot.Cli;
using ResultsBot.Feeds.Sources;
using ResultsBot.Operations;
using ResultsBot.Application.Instances;
using ResultsBot.Application.Pipeline;
using ResultsBot.Settings;
using ResultsBot.Application.Storage;
using ResultsBot.Chat;
using ResultsBot.Terminal;

namespace ResultsBot;

/// <summary>Wiring for the bot: settings, feed, store, desk, the console platform and the web server.</summary>
public static class ResultsBotHostBuilderExtensions
{
    /// <summary>
    /// Settings come from appsettings.json beside the program, then one in the current directory, then user-secrets
    /// (Development only), then environment variables, then credential files (systemd's LoadCredential=), then the
    /// command line (highest).
    /// </summary>
    public static IHostApplicationBuilder AddResultsBotConfiguration(this IHostApplicationBuilder builder, IReadOnlyList<string> settingArguments, IDictionary<string, string?> overrides)
    {
        var sources = builder.Configuration.Sources;

        // After appsettings.{Environment}.json, before user-secrets (also a JSON source) and the environment.
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource { Path: { } path } && path.StartsWith("appsettings.", StringComparison.OrdinalIgnoreCase)).i;
        var here = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Directory.GetCurrentDirectory()));
        var beside = Path.TrimEndingDirectorySeparator(Path.GetFullPath(builder.Environment.ContentRootPath));
        if (here != beside)
        {
            sources.Insert(lastJson + 1, new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(here),
            });
        }

        builder.Configuration.AddCredentialFiles(Environment.GetEnvironmentVariable(CredentialFiles.DirectoryVariable));
        builder.Configuration.AddCommandLine([.. settingArguments], CommandLine.SwitchMappings.ToDictionary());
        builder.Configuration.AddInMemoryCollection(overrides);
        return builder;
    }

    /// <summary>Registers the bot's own parts (the feed, the desk, delivery, commands, pictures); the store, the console and the platforms add themselves.</summary>
    /// <param name="running">The long-running bot: configuration is the whole truth about configured channels, so one taken out of it is unsubscribed.</param>
    public static IHostApplicationBuilder AddResultsBot(this IHostApplicationBuilder builder, BotSettings settings, bool running = false)
    {
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BotMetrics>();
        services.AddOtlpMetricsWhenConfigured(builder.Configuration);
        services.AddSingleton(new MilestoneComposer(settings.Culture));
        services.AddSingleton(new DigestComposer(settings.Culture));
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { { "User-Agent", "ResultsBot/1.0" } },
        });
        services.AddSingleton(sp => FeedSources.Open(settings.FeedSource ?? BotSettings.SampleFeedDirectory, sp.GetRequiredService<HttpClient>(), settings.FeedReadTimeout));
        services.AddSingleton(new DeclarationPostComposer(settings.Culture, settings.SourceName));
        services.AddSingleton(new CandidatePostComposer(settings.Culture, settings.SourceName));
        services.AddSingleton(settings.Culture);
        services.AddSingleton(sp => new CommandEngine(settings.Culture, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<NightReadBack>();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<IBotCommands>(sp => sp.GetRequiredService<CommandRunner>());
        services.AddSingleton<IPlatformMonitor>(sp => sp.GetRequiredService<BotMetrics>());
        services.AddSingleton(sp => SubscribeConfiguredChannels(
            new ChannelSubscriptions(sp.GetRequiredService<IResultsStore>()), settings, sp.GetServices<ConfiguredChannels>(), sp.GetService<ConsoleChannel>(), running));
        services.AddSingleton(sp => new Pictures.PictureMaker(settings.Culture, settings.SourceName, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPostPictures>(sp => new Pictures.PostPictures(
            sp.GetRequiredService<Pictures.PictureMaker>(), () => sp.GetRequiredService<ResultsDesk>().Book, sp.GetRequiredService<ILogger<Pictures.PostPictures>>()));
        services.AddSingleton<AnnouncementPublisher>();
        services.AddSingleton<PostDispatcher>();
        services.AddSingleton<Warmup>();
        services.AddSingleton<ResultsDesk>();
        services.AddSingleton<ProblemReporter>();
        services.AddSingleton<FeedProcessor>();
        // The only instance on its store unless the store says others share it (PostgreSQL's part replaces this).
        services.TryAddSingleton<IInstanceCoordination, SingleInstance>();
        services.TryAddSingleton<IShardLeases, AllShardsHere>(); // and so it runs every Gateway shard
        // A bot-wide limit (Discord's global one) split between the instances running now: all of it when alone.
        services.TryAddSingleton<IGlobalLimitShare>(sp => new InstanceLimitShare(sp.GetRequiredService<IInstanceCoordination>()));
        services.AddSingleton<IOperationsChannel, OperationsChannel>();
        return builder;
    }

    /// <summary>
    /// Channels named in configuration get their filters at every start (a filter set later by /subscribe
    /// stays); the console, when it shows posts, is one of them, and shows ward results too.
    /// </summary>
    /// <param name="console">The console's own subscription, when it shows posts.</param>
    /// <param name="platforms">The channels the platforms' own settings name (Discord:Channels, Slack:Channels): each gets everything.</param>
    private static ChannelSubscriptions SubscribeConfiguredChannels(ChannelSubscriptions subscriptions, BotSettings settings, IEnumerable<ConfiguredChannels> platforms, ConsoleChannel? console, bool running)
    {
        IReadOnlyList<ConfiguredSubscription> configuredChannels =
        [
            .. platforms.SelectMany(p => p.Channels).Select(c => new ConfiguredSubscription(c, SubscriptionFilter.Everything)),
            .. settings.Subscriptions,
        ];
        if (running)
        {
            // A channel configuration named before and no longer does stops getting posts; what /subscribe set stays.
            var configured = configuredChannels.Select(c => c.Channel).Append(ConsolePostSink.ChannelName).ToHashSet(StringComparer.Ordinal);
            foreach (var channel in subscriptions.Channels)
            {
                if (subscriptions.Find(channel) is { Origin: "config", PausedReason: null } && !configured.Contains(channel))
                {
                    subscriptions.Unsubscribe(channel);
                }
            }
        }

        if (console is not null)
        {
            subscriptions.Subscribe(ConsolePostSink.ChannelName, console.Filter, "config", "configuration");
        }

        subscriptions.SubscribeAll([.. configuredChannels.Select(c => (c.Channel, c.Filter))], "config", "configuration");

        return subscriptions;
    }

    /// <summary>The long-running bot: the feed watcher and the console's command prompt.</summary>
    public static IHostApplicationBuilder AddResultsBotServices(this IHostApplicationBuilder builder, BotSettings settings, BotRunPlan plan, TextReader input, TextWriter output)
    {
        builder.Services.AddSingleton(plan);
        builder.Services.AddSingleton<FeedHealth>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<BotSettings>().FeedAlerts);
        builder.Services.AddSingleton<FeedWatchdog>();
        builder.Services.AddSingleton<PlatformOutages>();
        builder.Services.AddSingleton<StoreWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StoreWatch>());
        if (settings.Urls is { } urls)
        {
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<OperationsServer>(sp, urls));
        }

        builder.Services.AddSingleton<FatalStop>();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<HistoryGuard>(sp, settings.AllowRepost));
        builder.Services.AddHostedService<StoreFileWatch>();
        // Before the bot, so it stops after it: the feed lease is let go only once the bot has stopped reading.
        builder.Services.AddHostedService<InstanceSync>();
        builder.Services.AddHostedService<InstanceStopAlerts>();
        builder.Services.AddHostedService<BotService>();
        builder.Services.AddHostedService(sp => new ConsoleCommandService(input, output, sp.GetRequiredService<CommandRunner>(), sp.GetRequiredService<BotSettings>().ConsoleCaller, sp.GetService<ConsolePictures>()));
        return builder;
    }
}
