using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Application.Pipeline;
using ResultsBot.Settings;

namespace ResultsBot.Verbs;

/// <summary>Posts a whole feed to stdout in declaration order and exits; as fast as possible unless --speed is given.</summary>
internal static class ReplayVerb
{
    public static async Task<int> RunAsync(IHost host, BotSettings settings)
    {
        await host.StartAsync();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var desk = host.Services.GetRequiredService<ResultsDesk>();
        desk.Restore();
        var pacer = settings.ReplaySpeed is { } speed ? new ReplayPacer(speed, host.Services.GetRequiredService<TimeProvider>()) : null;
        try
        {
            await host.Services.GetRequiredService<FeedProcessor>().ProcessOnceAsync(new ProcessingMode(true, false, pacer), stopping);
            await host.Services.GetRequiredService<PostDispatcher>().DeliverPendingAsync(stopping, flush: true);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            await host.StopAsync();
        }

        return 0;
    }
}
