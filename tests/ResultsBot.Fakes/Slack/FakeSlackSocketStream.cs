namespace ResultsBot.Fakes.Slack;

/// <summary>
/// The upgraded connection under the fake's WebSocket, with a switch that makes it go quiet without
/// closing: nothing is read (so not even pings are answered) and nothing is written, as with a dead
/// NAT entry or a hung server. The client's watchdog must notice that by itself.
/// </summary>
internal sealed class FakeSlackSocketStream(Stream inner) : Stream
{
    private readonly TaskCompletionSource _silenced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Silent => _silenced.Task.IsCompleted;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void GoSilent() => _silenced.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await WaitIfSilentAsync(cancellationToken);
        var reading = inner.ReadAsync(buffer, cancellationToken).AsTask();
        if (await Task.WhenAny(reading, _silenced.Task) != reading)
        {
            // What arrives after this point is never seen.
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await reading;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Silent)
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Silent ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task WaitIfSilentAsync(CancellationToken cancellationToken)
    {
        if (Silent)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
