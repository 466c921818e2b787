using System.Globalization;
using Microsoft.Extensions.Hosting;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Application.Instances;

/// <summary>
/// Tells the operations channel when another instance stops, exactly once: every instance hears the stop, but only
/// the feed reader says so (the feed reader's own stop is told by the instance that takes the feed over, with the
/// takeover). On a store no one else shares nothing ever stops.
/// </summary>
public sealed class InstanceStopAlerts(IInstanceCoordination coordination, IOperationsChannel operations, CultureInfo culture) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        coordination.InstanceStopped += OnStopped;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        coordination.InstanceStopped -= OnStopped;
        return Task.CompletedTask;
    }

    private void OnStopped(object? sender, StoppedInstance stopped)
    {
        if (!coordination.IsFeedReader)
        {
            return;
        }

        var alert = InstanceAlertText.Stopped(stopped.Instance, stopped.LastHeard, coordination.LiveInstances, culture);
        // Queued into the store off the coordination loop, which must not wait on a write.
        _ = Task.Run(() => operations.Tell(alert));
    }
}
