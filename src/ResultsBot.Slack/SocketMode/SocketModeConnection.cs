using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: connects, waits for hello, reads until closed and hands each envelope to
/// the client. The runtime pings every half silence-timeout and aborts the socket when no pong comes
/// in the other half: that is the watchdog for a connection that went quiet without closing.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<SocketModeConnection, SocketEnvelope, Task> _onEnvelope;
    private readonly ILogger _logger;
    private Task _receiving = Task.CompletedTask;

    private SocketModeConnection(int number, Func<SocketModeConnection, SocketEnvelope, Task> onEnvelope, ILogger logger)
    {
        Number = number;
        _onEnvelope = onEnvelope;
        _logger = logger;
    }

    /// <summary>1 for the first connection of the process, then 2, 3…: for logs.</summary>
    public int Number { get; }

    /// <summary>Completes when Slack asks for a new connection or this one is lost; the first reason wins.</summary>
    public Task<ConnectionEnd> Ended => _ended.Task;

    /// <summary>Still able to carry acks (a disconnect notice does not stop that; a close does).</summary>
    public bool IsOpen => _socket.State is WebSocketState.Open or WebSocketState.CloseReceived;

    public static async Task<SocketModeConnection> ConnectAsync(Uri url, int number, SocketModeOptions options, Func<SocketModeConnection, SocketEnvelope, Task> onEnvelope, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = new SocketModeConnection(number, onEnvelope, logger);
        var half = options.SilenceTimeout / 2;
        connection._socket.Options.KeepAliveInterval = half;
        connection._socket.Options.KeepAliveTimeout = half;
        try
        {
            await connection._socket.ConnectAsync(url, cancellationToken);
            connection._receiving = connection.ReceiveLoopAsync();
            await connection._hello.Task.WaitAsync(options.HelloTimeout, time, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> AckAsync(string envelopeId, SlackCommandResponse? payload)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new SocketAck(envelopeId, payload), SlackJsonContext.Default.SocketAck);
        await _sendGate.WaitAsync();
        try
        {
            if (!IsOpen)
            {
                return false;
            }

            await _socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Says goodbye (close 1000) and waits a little for Slack's reply before letting go.</summary>
    public async Task CloseAsync(TimeSpan wait)
    {
        try
        {
            await _sendGate.WaitAsync();
            try
            {
                if (IsOpen)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", CancellationToken.None).WaitAsync(wait);
                }
            }
            finally
            {
                _sendGate.Release();
            }

            await _receiving.WaitAsync(wait);
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or ObjectDisposedException)
        {
            // Closing a socket that is going anyway: nothing to do but let go.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var reason = "closed";
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), _stop.Token);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    reason = $"Slack closed the socket ({(int?)_socket.CloseStatus} {_socket.CloseStatusDescription})";
                    await ReplyToCloseAsync();
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    Handle(buffer.WrittenMemory);
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = "stopped";
        }
        catch (WebSocketException e)
        {
            // Also how the keep-alive watchdog ends a silent socket.
            reason = "socket lost: " + e.Message;
        }
        finally
        {
            _hello.TrySetException(new IOException("the socket closed before Slack said hello: " + reason));
            _ended.TrySetResult(ConnectionEnd.Lost(reason));
        }
    }

    private async Task ReplyToCloseAsync()
    {
        await _sendGate.WaitAsync();
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private void Handle(ReadOnlyMemory<byte> message)
    {
        SocketFrame? frame;
        try
        {
            frame = JsonSerializer.Deserialize(message.Span, SlackJsonContext.Default.SocketFrame);
        }
        catch (JsonException)
        {
            _logger.LogWarning("Socket Mode connection {Number} sent a frame that is not JSON; ignored", Number);
            return;
        }

        switch (frame?.Type)
        {
            case null:
                _logger.LogWarning("Socket Mode connection {Number} sent a frame that is not JSON; ignored", Number);
                return;
            case "hello":
                _logger.LogDebug("Socket Mode connection {Number}: hello ({Count} connections open)", Number, frame.NumConnections);
                _hello.TrySetResult();
                return;
            case "disconnect":
                var reason = frame.Reason ?? "unknown";
                _logger.LogInformation("Socket Mode connection {Number}: Slack sent disconnect ({Reason})", Number, reason);
                // Before hello it is a refusal, not a refresh: the opening fails (and is retried after a pause) saying why.
                // too_many_websockets: the app already has the ten connections Slack allows (ten instances in Socket Mode).
                _hello.TrySetException(new IOException($"Slack refused the connection ({reason})"));
                _ended.TrySetResult(ConnectionEnd.Notice(reason));
                return;
        }

        if (string.IsNullOrEmpty(frame.EnvelopeId))
        {
            _logger.LogDebug("Socket Mode connection {Number}: ignored a {Type} message", Number, frame.Type);
            return;
        }

        var envelope = new SocketEnvelope(frame.EnvelopeId, frame.Type, frame.Payload, frame.AcceptsResponsePayload, frame.RetryAttempt);
        _ = _onEnvelope(this, envelope);
    }
}
