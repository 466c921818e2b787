using System.Collections.Concurrent;

namespace ResultsBot.Slack.AppHome;

/// <summary>
/// One workspace's Home tab viewers and its own publishing turn: views.publish is Tier 4 per workspace, so each
/// workspace is paced apart and one workspace's many viewers never hold back another's.
/// </summary>
internal sealed class HomeAudience(HomeWorkspace workspace) : IDisposable
{
    private int _closed;

    public HomeWorkspace Workspace { get; } = workspace;

    /// <summary>Each viewer and the content they were last sent (null: nothing yet).</summary>
    public ConcurrentDictionary<string, string?> Viewers { get; } = new(StringComparer.Ordinal);

    /// <summary>One publish at a time in this workspace.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>When this workspace's last publish went (read and written holding <see cref="Turn"/>).</summary>
    public DateTimeOffset LastPublish { get; set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// Uninstalled, or its token refused: nothing more is published to this audience, even by a refresh already under
    /// way. A reinstall brings a new token and a new audience.
    /// </summary>
    public bool Closed => Volatile.Read(ref _closed) == 1;

    /// <summary>Closes the audience and forgets its viewers; true the first time.</summary>
    public bool Close()
    {
        var first = Interlocked.Exchange(ref _closed, 1) == 0;
        Viewers.Clear();
        return first;
    }

    public void Dispose() => Turn.Dispose();
}
