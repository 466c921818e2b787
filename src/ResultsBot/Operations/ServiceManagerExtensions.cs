using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace ResultsBot.Operations;

/// <summary>
/// Type=notify: under systemd (or any supervisor that sets NOTIFY_SOCKET) the bot says READY=1 once it has started
/// (the store open, the web server listening, the feed being read) and STOPPING=1 when it begins to stop, so
/// <c>systemctl start</c> returns when the bot is really up and dependants wait for it.
/// </summary>
public static class ServiceManagerExtensions
{
    public const string NotifySocketVariable = "NOTIFY_SOCKET";

    /// <summary>True when a service manager started the bot and wants to hear from it.</summary>
    public static bool UnderServiceManager =>
        SystemdHelpers.IsSystemdService() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NotifySocketVariable));

    public static IHostApplicationBuilder AddServiceManagerNotifications(this IHostApplicationBuilder builder)
    {
        // The package's AddSystemd() does this too, but only when systemd is the direct parent, and it also forces
        // the console log format to systemd's, overriding Logging:Console:FormatterName; the bot makes systemd's
        // format a default instead (BotLoggingExtensions), so an operator who asks for json gets json.
        if (UnderServiceManager)
        {
            builder.Services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }

        return builder;
    }
}
