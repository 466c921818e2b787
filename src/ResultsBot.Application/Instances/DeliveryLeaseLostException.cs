namespace ResultsBot.Application.Instances;

/// <summary>
/// Thrown by a store shared by several instances when a post is about to be marked attempted and the database no longer
/// shows this instance holding the channel's delivery lease: another instance may be delivering the channel now, so
/// nothing may go out from here. Nothing was marked; the pass stops and the posts stay queued for whoever holds the lease.
/// </summary>
public sealed class DeliveryLeaseLostException : Exception
{
    public DeliveryLeaseLostException(string channel, string reason)
        : base($"this instance no longer holds the delivery lease of {channel}: {reason}")
    {
        Channel = channel;
    }

    public DeliveryLeaseLostException()
    {
        Channel = "";
    }

    public DeliveryLeaseLostException(string message)
        : base(message)
    {
        Channel = "";
    }

    public DeliveryLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
        Channel = "";
    }

    public string Channel { get; }
}
