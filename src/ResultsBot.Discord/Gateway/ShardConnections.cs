using ResultsBot.Platforms;

namespace ResultsBot.Discord.Gateway;

/// <summary>
/// One shard's connection reports, folded into the one "discord" connection /readyz and /metrics show: up while
/// every shard this instance runs is up. An instance that runs no shard (others run them all) is not down for it.
/// </summary>
internal sealed class ShardConnections(IPlatformMonitor monitor)
{
    private const string Platform = "discord";
    private readonly Dictionary<int, (bool Connected, string Detail)> _shards = [];

    public IPlatformMonitor For(GatewayShard shard) => new ShardMonitor(this, monitor, shard);

    /// <summary>Shards are shared with other instances and none runs here yet: this instance is not down for that.</summary>
    public void Sharing()
    {
        lock (_shards)
        {
            Report();
        }
    }

    /// <summary>The shard is about to connect here: until its READY, the instance's Discord connection is not up.</summary>
    public void Starting(GatewayShard shard) => Changed(shard, false, "connecting");

    /// <summary>The shard no longer runs here: it no longer counts either way.</summary>
    public void Forget(GatewayShard shard)
    {
        lock (_shards)
        {
            _shards.Remove(shard.Id);
            Report();
        }
    }

    private void Changed(GatewayShard shard, bool connected, string detail)
    {
        lock (_shards)
        {
            _shards[shard.Id] = (connected, detail);
            Report();
        }
    }

    private void Report()
    {
        var down = _shards.Where(s => !s.Value.Connected).OrderBy(s => s.Key).ToList();
        if (down.Count > 0)
        {
            monitor.ConnectionChanged(Platform, false, string.Join("; ", down.Select(s => $"shard {s.Key}: {s.Value.Detail}")));
        }
        else
        {
            monitor.ConnectionChanged(Platform, true, _shards.Count == 0 ? "runs no shard: other instances run them" : "Gateway ready");
        }
    }

    private sealed class ShardMonitor(ShardConnections connections, IPlatformMonitor monitor, GatewayShard shard) : IPlatformMonitor
    {
        public void ConnectionChanged(string platform, bool connected, string detail) => connections.Changed(shard, connected, detail);

        public void Reconnected(string platform) => monitor.Reconnected(platform);

        public void RateLimited(string platform) => monitor.RateLimited(platform);

        public void InvalidRequest(string platform, int status) => monitor.InvalidRequest(platform, status);
    }
}
