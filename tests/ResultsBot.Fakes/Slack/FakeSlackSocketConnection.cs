using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ResultsBot.Fakes.Slack;

/// <summary>One accepted Socket Mode WebSocket on the fake: sends frames, reads acks, can go silent or be closed.</summary>
internal sealed class FakeSlackSocketConnection(WebSocket socket, FakeSlackSocketStream stream, int number, FakeSlackSocketMode owner) : IDisposable
{
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public int Number { get; } = number;

    /// <summary>Sent a disconnect: closes after the grace period; gets envelopes only when nothing else can.</summary>
    public bool Draining { get; set; }

    public bool Silent => stream.Silent;

    public bool Closed { get; private set; }

    /// <summary>Has been sent hello: envelopes may go to it.</summary>
    public bool Greeted { get; set; }

    public bool Live => Greeted && !Closed && !Silent && socket.State == WebSocketState.Open;

    // The send gate is not disposed: a send or close may still be releasing it when the connection ends,
    // and a SemaphoreSlim that never handed out its wait handle holds nothing to free.
    public void Dispose()
    {
    }

    public void GoSilent() => stream.GoSilent();

    public async Task<bool> SendAsync(string json)
    {
        await _sendGate.WaitAsync();
        try
        {
            if (Silent || socket.State != WebSocketState.Open)
            {
                return false;
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public async Task CloseAsync()
    {
        await _sendGate.WaitAsync();
        try
        {
            if (!Silent && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Reads acks until the socket closes (or, silent, until the server stops).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancellationToken);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync();
                    return;
                }

                Read(message.ToArray());
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            Closed = true;
            owner.Forget(this);
        }
    }

    private void Read(byte[] frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame);
            var root = document.RootElement;
            if (root.TryGetProperty("envelope_id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                JsonElement? payload = root.TryGetProperty("payload", out var p) ? p.Clone() : null;
                owner.RecordAck(id.GetString()!, Number, payload);
            }
        }
        catch (JsonException)
        {
            owner.RecordProblem($"connection {Number} sent a frame that is not JSON");
        }
    }
}
