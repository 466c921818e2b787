using ResultsBot.Application.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Platforms;
using ResultsBot.Cli;
using ResultsBot.Feeds.Sources;
using ResultsBot.Operations;
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

    /// <summary>Registers the bot's parts. With <paramref name="output"/> null, nothing is posted (the ask verb).</summary>
    /// <param name="running">The long-running bot: configuration is the whole truth about configured channels, so one taken out of it is unsubscribed.</param>
    public static IHostApplicationBuilder AddResultsBot(this IHostApplicationBuilder builder, BotSettings settings, TextWriter? output, bool running = false)
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
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<IBotCommands>(sp => sp.GetRequiredService<CommandRunner>());
        services.AddSingleton<IPlatformMonitor>(sp => sp.GetRequiredService<BotMetrics>());
        var imageFolder = ConsoleImageFolder(settings, running, builder.Services);
        services.AddSingleton(sp => SubscribeConfiguredChannels(
            new ChannelSubscriptions(sp.GetRequiredService<IResultsStore>()), settings, sp.GetServices<ConfiguredChannels>(), output is not null, running, imageFolder is not null));
        services.AddSingleton(sp => new Pictures.PictureMaker(settings.Culture, settings.SourceName, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPostPictures>(sp => new Pictures.PostPictures(
            sp.GetRequiredService<Pictures.PictureMaker>(), () => sp.GetRequiredService<ResultsDesk>().Book, sp.GetRequiredService<ILogger<Pictures.PostPictures>>()));
        if (imageFolder is { } folder)
        {
            services.AddSingleton(sp => new ConsolePictures(folder, sp.GetRequiredService<ILogger<ConsolePictures>>()));
        }

        if (output is not null)
        {
            services.AddSingleton<IPlatformOutlet>(sp => new ConsolePostSink(output, sp.GetService<ConsolePictures>()));
        }

        services.AddSingleton<PostDispatcher>();
        services.AddSingleton<Warmup>();
        services.AddSingleton<ResultsDesk>();
        services.AddSingleton<ProblemReporter>();
        services.AddSingleton<FeedProcessor>();
        return builder;
    }

    /// <summary>Console:ImageFolder, else images/ beside the running bot's database; replay and ask write pictures only when asked.</summary>
    private static string? ConsoleImageFolder(BotSettings settings, bool running, IServiceCollection services)
    {
        if (settings.ConsoleImageFolder is { } configured)
        {
            return configured;
        }

        if (!running)
        {
            return null;
        }

        // The store's part says where its database lives (registered as the host is composed, before this).
        var location = services.LastOrDefault(d => d.ServiceType == typeof(StoreLocation))?.ImplementationInstance as StoreLocation;
        return location?.Folder is { } beside ? Path.Combine(beside, "images") : null;
    }

    /// <summary>
    /// Channels named in configuration get their filters at every start (a filter set later by /subscribe
    /// stays); the console, when it shows posts, is one of them, and shows ward results too.
    /// </summary>
    /// <param name="consoleImages">The console writes pictures (a folder is set): every picture, since files flood no one.</param>
    /// <param name="platforms">The channels the platforms' own settings name (Discord:Channels, Slack:Channels): each gets everything.</param>
    private static ChannelSubscriptions SubscribeConfiguredChannels(ChannelSubscriptions subscriptions, BotSettings settings, IEnumerable<ConfiguredChannels> platforms, bool console, bool running, bool consoleImages)
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

        if (console)
        {
            var digest = settings.ConsoleDigest;
            subscriptions.Subscribe(
                ConsolePostSink.ChannelName,
                SubscriptionFilter.Everything with { Digest = digest.Enabled ? true : null, DigestWindow = digest.Enabled ? digest.Window : null, Wards = true, Images = consoleImages },
                "config",
                "configuration");
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
        builder.Services.AddHostedService<BotService>();
        builder.Services.AddHostedService(sp => new ConsoleCommandService(input, output, sp.GetRequiredService<CommandRunner>(), sp.GetRequiredService<BotSettings>().ConsoleCaller, sp.GetService<ConsolePictures>()));
        return builder;
    }
}
