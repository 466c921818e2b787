using Microsoft.Extensions.Time.Testing;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Subscriptions;

namespace ResultsBot.Tests.Pipeline;

public sealed class ChannelSubscriptionsTests
{
    [Fact]
    public void ReloadAll_AnotherInstanceSubscribedPausedAndUnsubscribed_TheseSubscriptionsSayWhatTheStoreSays()
    {
        using var store = new InMemoryResultsStore(new FakeTimeProvider());
        var here = new ChannelSubscriptions(store);
        var there = new ChannelSubscriptions(store);
        there.Subscribe("discord:1", SubscriptionFilter.Everything, "command", "U1");
        there.Subscribe("discord:2", SubscriptionFilter.Everything, "command", "U1");
        here.ReloadAll();
        Assert.Equal(["discord:1", "discord:2"], here.Channels.Order(StringComparer.Ordinal));

        there.Unsubscribe("discord:1");
        there.Pause("discord:2", "the channel was deleted");
        here.ReloadAll();

        Assert.Equal(["discord:2"], here.Channels);
        Assert.Equal("the channel was deleted", here.Find("discord:2")?.PausedReason);
        Assert.Equal(1, here.PausedCount);
    }
}
