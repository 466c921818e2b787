using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Platforms;
using ResultsBot.Settings;

namespace ResultsBot.Terminal;

/// <summary>The console as a part like the others: its own section, its outlet, its pictures and its channel's filter.</summary>
public static class ConsoleHostBuilderExtensions
{
    /// <param name="output">Where posts are printed; null when nothing is posted (the ask verb), so the console is no channel.</param>
    /// <param name="running">The long-running bot: pictures go to images/ beside its database unless Console:ImageFolder says otherwise.</param>
    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder, TextWriter? output, bool running)
    {
        KnownSettings.Of(builder).Claim(builder.Configuration, ConsoleSettings.Section, ConsoleSettings.Keys);
        var settings = ConsoleSettings.Read(builder.Configuration);
        var services = builder.Services;
        var folder = ImageFolder(settings, running, services);
        if (folder is not null)
        {
            services.AddSingleton(sp => new ConsolePictures(folder, sp.GetRequiredService<ILogger<ConsolePictures>>()));
        }

        if (output is null)
        {
            return builder;
        }

        services.AddSingleton<IPlatformOutlet>(sp => new ConsolePostSink(output, sp.GetService<ConsolePictures>()));

        // Ward results too (a terminal floods no one), and every picture when they go to files.
        var digest = settings.Digest;
        services.AddSingleton(new ConsoleChannel(SubscriptionFilter.Everything with
        {
            Digest = digest.Enabled ? true : null,
            DigestWindow = digest.Enabled ? digest.Window : null,
            Wards = true,
            Images = folder is not null,
        }));
        return builder;
    }

    /// <summary>Console:ImageFolder, else images/ beside the running bot's database; replay and ask write pictures only when asked.</summary>
    private static string? ImageFolder(ConsoleSettings settings, bool running, IServiceCollection services)
    {
        if (settings.ImageFolder is { } configured)
        {
            return configured;
        }

        if (!running)
        {
            return null;
        }

        // The store's part says where its database lives (it is composed before the console).
        var location = services.LastOrDefault(d => d.ServiceType == typeof(StoreLocation))?.ImplementationInstance as StoreLocation;
        return location?.Folder is { } beside ? Path.Combine(beside, "images") : null;
    }
}

/// <summary>The console's subscription, set from configuration at every start.</summary>
public sealed record ConsoleChannel(SubscriptionFilter Filter);
