using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Application.Storage;

namespace ResultsBot.Cli;

/// <summary>
/// Watches the bot's background services: the first one to fail stops the bot, and the run ends with one
/// clear "error:" line and a non-zero exit, so systemd's Restart=on-failure (and an operator) sees it.
/// The framework's own reaction (log "BackgroundService failed", stop, exit 0) is switched off for this.
/// </summary>
internal sealed class FatalErrors
{
    private Exception? _first;

    public Exception? First => Volatile.Read(ref _first);

    public static void Configure(IServiceCollection services)
    {
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
    }

    /// <summary>After the host started: a failure of any background service is recorded and stops the host.</summary>
    public void Watch(IHost host)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        foreach (var service in host.Services.GetServices<IHostedService>().OfType<BackgroundService>())
        {
            _ = service.ExecuteTask?.ContinueWith(
                task =>
                {
                    if (task.Exception?.GetBaseException() is { } failure && failure is not OperationCanceledException)
                    {
                        Interlocked.CompareExchange(ref _first, failure, null);
                        lifetime.StopApplication();
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>The failure as the one line an operator reads, saying what to do where there is something to do.</summary>
    public static string Describe(Exception failure, string? connectionString) => failure switch
    {
        _ when StoreFaults.IsDamaged(failure) =>
            $"the database ({connectionString ?? "ConnectionStrings:ResultsBot"}) is damaged: {StoreFaults.Detail(failure)} Restore it from a backup, or move it aside to start afresh (everything would be posted again).",
        StorageException => failure.Message,
        _ when StoreFaults.IsTransient(failure) => $"the database could not be used: {StoreFaults.Describe(failure)} ({StoreFaults.Detail(failure)})",
        IOException when IsAddressInUse(failure) =>
            $"--urls: {failure.Message.TrimEnd('.')}; another program is listening there, so choose another port or stop it.",
        _ => $"the bot stopped on an unexpected failure: {failure.GetType().Name}: {failure.Message}",
    };

    /// <summary>Kestrel's "address already in use": a setting to change (exit 2), not a crash.</summary>
    public static bool IsAddressInUse(Exception failure) =>
        failure is IOException && (failure.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
            || failure.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase));
}
