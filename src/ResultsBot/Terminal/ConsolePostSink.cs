using ResultsBot.Pipeline;
using ResultsBot.Storage;

namespace ResultsBot.Terminal;

/// <summary>The console platform: each post as plain text on standard output, a blank line after it.</summary>
public sealed class ConsolePostSink(TextWriter output, DigestPolicy? digest = null) : IPostSink
{
    public const string ChannelName = "console";

    public string Channel => ChannelName;

    public DigestPolicy Digest { get; } = digest ?? DigestPolicy.Off;

    public async Task<string?> SendAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        // One write per post, so an answer typed meanwhile never lands inside it.
        await output.WriteAsync((delivery.Post.ToPlainText() + "\n\n").AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
        return null;
    }
}
