using System.Net.WebSockets;
using System.Text.Json;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Gateway;

/// <summary>
/// One WebSocket to the Gateway: whole JSON messages in, serialised sends out (heartbeats and the reader share
/// it), paced under Discord's 120 sends per 60 seconds (going over closes the connection with 4008).
/// </summary>
internal sealed class GatewaySocket(ClientWebSocket socket, TimeProvider time) : IDisposable
{
    /// <summary>A margin under Discord's 120, for sends that race the window's edge.</summary>
    public const int SendLimit = 115;
    public static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly Queue<DateTimeOffset> _sent = new();

    public WebSocketState State => socket.State;

    public int? CloseCode => (int?)socket.CloseStatus;

    public string? CloseReason => socket.CloseStatusDescription;

    public static async Task<GatewaySocket> ConnectAsync(Uri url, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        // Discord's own heartbeat keeps the connection alive; WebSocket pings would only add noise.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(url, limit.Token);
            return new GatewaySocket(socket, time);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends one message: JSON as <see cref="GatewayCommands"/> writes it.</summary>
    public async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await WaitForSendWindowAsync(cancellationToken);
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            _sent.Enqueue(time.GetUtcNow());
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task WaitForSendWindowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && now - _sent.Peek() >= SendWindow)
            {
                _sent.Dequeue();
            }

            if (_sent.Count < SendLimit)
            {
                return;
            }

            await Task.Delay(_sent.Peek() + SendWindow - now, time, cancellationToken);
        }
    }

    /// <summary>The next JSON message, or null when the server closed the connection (see <see cref="CloseCode"/>).</summary>
    public async Task<GatewayPayload?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                break;
            }
        }

        try
        {
            // "null" or a bare value is no payload at all: an empty one, which no opcode matches, is skipped like garbage.
            return JsonSerializer.Deserialize(message.ToArray(), DiscordJsonContext.Default.GatewayPayload) ?? new GatewayPayload();
        }
        catch (JsonException)
        {
            return new GatewayPayload();
        }
    }

    /// <summary>Closes with <paramref name="code"/> without waiting long for the server: a zombie may never answer.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _sendGate.WaitAsync(limit.Token);
            try
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, limit.Token);
            }
            finally
            {
                _sendGate.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    // The send gate is not disposed: a heartbeat or close may still be releasing it when the socket ends,
    // and a SemaphoreSlim that never handed out its wait handle holds nothing to free.
    public void Dispose() => socket.Dispose();
}
