using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Discord;

/// <summary>One client WebSocket on the fake gateway: serialised sends, whole-message receives, and the 120-per-60-s send count.</summary>
internal sealed class FakeDiscordGatewayConnection(WebSocket socket, string path, TimeProvider time) : IDisposable
{
    public const int SendLimit = 120;
    public static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly Queue<DateTimeOffset> _received = new();

    public string Path { get; } = path;

    /// <summary>The shard it identified for.</summary>
    public int Shard { get; set; }

    /// <summary>Identified or resumed on this connection.</summary>
    public bool Ready { get; set; }

    public bool Open => socket.State == WebSocketState.Open;

    public int? ClientCloseCode => (int?)socket.CloseStatus;

    public async Task SendAsync(JsonObject payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _sendGate.WaitAsync();

        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // The client went away; the reader sees it.
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>The next message from the client; null when it closed or broke the connection.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(result.CloseStatus is { } status ? (int)status : 1000, "");
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return System.Text.Encoding.UTF8.GetString(message.ToArray());
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            return null;
        }
    }

    /// <summary>Counts a client send; false when the client went over 120 sends in 60 seconds.</summary>
    public bool CountSend()
    {
        var now = time.GetUtcNow();
        _received.Enqueue(now);
        while (_received.Count > 0 && now - _received.Peek() > SendWindow)
        {
            _received.Dequeue();
        }

        return _received.Count <= SendLimit;
    }

    public async Task CloseAsync(int code, string reason)
    {
        await _sendGate.WaitAsync();

        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, limit.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
        finally
        {
            _sendGate.Release();
        }
    }

    // The send gate is not disposed: a send or close may still be releasing it when the connection ends,
    // and a SemaphoreSlim that never handed out its wait handle holds nothing to free.
    public void Dispose()
    {
    }
}
