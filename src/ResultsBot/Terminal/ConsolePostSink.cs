using ResultsBot.Platforms;

namespace ResultsBot.Terminal;

/// <summary>The console platform: each post as plain text on standard output, a blank line after it; its pictures, if any, as files.</summary>
public sealed class ConsolePostSink(TextWriter output, ConsolePictures? pictures = null) : IPlatformOutlet
{
    public const string ChannelName = "console";

    public string Platform => ChannelName;

    public async Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
    {
        // One write per post, so an answer typed meanwhile never lands inside it.
        var picture = pictures?.Write(post.Images, post.Post.Subject) is { } lines ? "\n" + lines : "";
        await output.WriteAsync((post.Post.ToPlainText() + picture + "\n\n").AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
        return null;
    }
}
