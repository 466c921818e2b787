namespace ResultsBot.Platforms;

/// <summary>
/// The platform refused this one post for what it is (a body it will never accept): sending it again
/// would fail again, so it is recorded as failed and the channel goes on with the next.
/// </summary>
public sealed class PostRejectedException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason => Message;
}
