using ResultsBot.Domain.Subscriptions;

namespace ResultsBot.Settings;

/// <summary>A channel subscribed by configuration (Discord:Channels, Slack:Channels, Subscriptions:N), with its filter.</summary>
public sealed record ConfiguredSubscription(string Channel, SubscriptionFilter Filter);
