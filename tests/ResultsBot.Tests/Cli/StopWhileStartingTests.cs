using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Verbs;

namespace ResultsBot.Tests.Cli;

/// <summary>
/// A SIGTERM that lands while the parts are still starting (systemd stopping a bot that has just been started)
/// cancels the host's start. That ended in an unhandled OperationCanceledException and exit 134 (abort), which
/// systemd's Restart=on-failure reads as a crash; it is a clean stop.
/// </summary>
public sealed class StopWhileStartingTests
{
    [Fact]
    public async Task Run_StopRequestedWhileAPartIsStarting_ExitsZeroWithoutAnError()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IResultsStore>(_ => new InMemoryResultsStore(TimeProvider.System));
        builder.Services.AddSingleton(sp => new ChannelSubscriptions(sp.GetRequiredService<IResultsStore>()));
        builder.Services.AddHostedService<StoppedWhileStarting>();
        using var host = builder.Build();
        using var error = new StringWriter();

        var exit = await RunVerb.RunAsync(host, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
    }

    /// <summary>Behaves as a signal during start does: the stop is asked for, and the start in progress is cancelled.</summary>
    private sealed class StoppedWhileStarting(IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.StopApplication();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
