using Microsoft.Extensions.DependencyInjection;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests.Rest;

public sealed class DiscordRestServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddDiscordRest_GivesAnOutletThatPostsThroughOneSharedClient()
    {
        await using var discord = await DiscordFixture.StartAsync();
        var services = new ServiceCollection().AddDiscordRest(DiscordFixture.Options(discord.Server));
        await using var provider = services.BuildServiceProvider();

        var outlet = Assert.Single(provider.GetServices<IPlatformOutlet>());
        await outlet.SendAsync(SamplePosts.To("1600000000000000001", 1, SamplePosts.Declaration()), default);

        Assert.Same(provider.GetRequiredService<DiscordRestClient>(), provider.GetRequiredService<DiscordRestClient>());
        Assert.Equal("discord", outlet.Platform);
        Assert.Single(discord.Fake.MessagesIn("1600000000000000001"));
    }
}
