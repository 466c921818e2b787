namespace ResultsBot.Domain.Subscriptions;

/// <summary>A filter read from what someone typed, or why it could not be read (<see cref="Error"/>, said to the user).</summary>
public sealed record SubscriptionParse(SubscriptionFilter? Filter, string? Error)
{
    public static SubscriptionParse Ok(SubscriptionFilter filter) => new(filter, null);

    public static SubscriptionParse Fail(string error) => new(null, error);
}
