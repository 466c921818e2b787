namespace ResultsBot.Discord.Gateway;

/// <summary>What resuming needs: READY's session id and resume URL, and the last sequence number received.</summary>
internal sealed class GatewaySession
{
    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    private long _sequence = -1;

    /// <summary>The last dispatch's "s"; set by the reader, read by the heartbeat.</summary>
    public long? Sequence
    {
        get => Interlocked.Read(ref _sequence) is var s and >= 0 ? s : null;
        set => Interlocked.Exchange(ref _sequence, value ?? -1);
    }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Forget()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}
