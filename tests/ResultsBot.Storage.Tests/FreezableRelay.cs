using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ResultsBot.Storage.Tests;

/// <summary>
/// A loopback TCP relay to the test server that can go silent: <see cref="Freeze"/> stops carrying bytes either way on
/// every link open now, without closing anything, as a network that drops one connection's packets would. Neither end
/// hears anything; links opened afterwards carry bytes as usual.
/// </summary>
internal sealed class FreezableRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Link> _links = [];

    public FreezableRelay(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The connection string, sent through this relay.</summary>
    public string Through(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public void Freeze()
    {
        foreach (var link in _links)
        {
            link.Frozen = true;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        foreach (var link in _links)
        {
            link.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _target);
            var link = new Link(client, server);
            _links.Add(link);
            _ = link.PumpAsync(client, server, _stopping.Token);
            _ = link.PumpAsync(server, client, _stopping.Token);
        }
    }

    private sealed class Link(TcpClient client, TcpClient server) : IDisposable
    {
        public volatile bool Frozen;

        public async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken stopping)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await from.GetStream().ReadAsync(buffer, stopping);
                    if (read == 0)
                    {
                        break;
                    }

                    if (Frozen)
                    {
                        await Task.Delay(Timeout.Infinite, stopping); // held for good: nothing reaches the other end
                    }

                    await to.GetStream().WriteAsync(buffer.AsMemory(0, read), stopping);
                }

                if (!Frozen)
                {
                    to.Client.Shutdown(SocketShutdown.Send);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // One end went away, or the relay stopped.
            }
        }

        public void Dispose()
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
